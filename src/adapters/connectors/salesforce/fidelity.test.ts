import { Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoReportIds, startSalesforceEmulator, type SalesforceEmulator } from '../../emulators/salesforce/index';
import type { CrmOAuthSettings, CrmRecord } from '../../../ports/crmConnector';
import { createSalesforceConnector } from './index';
import { SALESFORCE } from './provider';
import { createTestCallContext } from './testContext';

/**
 * Fidelity: jsforce (the reference Salesforce client) and our connector, pointed at the same emulator, must see the
 * same data. A misread wire contract in the emulator or the connector shows up here.
 */
const connector = createSalesforceConnector({ requestTimeoutMs: 10_000 });
let emulator: SalesforceEmulator;
let settings: CrmOAuthSettings;
let conn: Connection;

beforeAll(async () => {
  emulator = await startSalesforceEmulator({ accountCount: 2_500 });
  settings = {
    loginUrl: emulator.baseUrl,
    clientId: emulator.credentials.clientId,
    clientSecret: emulator.credentials.clientSecret,
    redirectUri: 'http://127.0.0.1:1/callback',
    resourceUrl: undefined,
  };
  // jsforce logs in by OAuth refresh.
  conn = new Connection({
    oauth2: { loginUrl: emulator.baseUrl, clientId: settings.clientId, clientSecret: settings.clientSecret, redirectUri: settings.redirectUri },
    instanceUrl: emulator.baseUrl,
    refreshToken: emulator.credentials.refreshToken,
    version: SALESFORCE.apiVersion,
  });
  const tokens = await conn.oauth2.refreshToken(emulator.credentials.refreshToken);
  conn.accessToken = tokens.access_token;
  conn.instanceUrl = tokens.instance_url;
});
afterAll(async () => emulator.close());

async function ourAccounts(): Promise<CrmRecord[]> {
  const ctx = await createTestCallContext(connector, settings, emulator.credentials.refreshToken);
  const records: CrmRecord[] = [];
  let pageToken: string | undefined;
  do {
    const page = await connector.readChanges(ctx, { objectType: 'account', modifiedSince: undefined, pageToken });
    records.push(...page.records);
    pageToken = page.nextPageToken;
  } while (pageToken);
  return records;
}

describe('fidelity with jsforce', () => {
  it('reads the same accounts, in the same order, through query + queryMore', async () => {
    const jsforceRecords: Array<{ Id: string; Name: string; Website: string | null }> = [];
    let result = await conn.query<{ Id: string; Name: string; Website: string | null }>('SELECT Id, Name, Website FROM Account ORDER BY SystemModstamp ASC, Id ASC');
    jsforceRecords.push(...result.records);
    while (!result.done && result.nextRecordsUrl) {
      result = await conn.queryMore(result.nextRecordsUrl);
      jsforceRecords.push(...result.records);
    }
    expect(jsforceRecords.length).toBeGreaterThan(2_000);
    const ours = await ourAccounts();
    expect(ours.map((record) => record.externalId)).toEqual(jsforceRecords.map((record) => record.Id));
    // Our mapper trims the stray spaces of messy CRM data; otherwise the names are identical.
    expect(ours.map((record) => record.name ?? null)).toEqual(jsforceRecords.map((record) => record.Name?.trim() || null));
  });

  it('sees the same report rows (describe + execute with details)', async () => {
    const report = conn.analytics.report(demoReportIds.emeaAccountsTabular);
    const describe = await report.describe();
    const executed = await report.execute({ details: true });
    const idIndex = describe.reportMetadata.detailColumns.indexOf('ACCOUNT_ID');
    expect(idIndex).toBeGreaterThanOrEqual(0);
    const rows = (executed.factMap as Record<string, { rows?: Array<{ dataCells: Array<{ value: unknown }> }> }>)['T!T']?.rows ?? [];
    const jsforceIds = rows.map((row) => String(row.dataCells[idIndex]?.value));
    const ctx = await createTestCallContext(connector, settings, emulator.credentials.refreshToken);
    const ours = await connector.fetchSourceRecords(ctx, { kind: 'report', id: demoReportIds.emeaAccountsTabular });
    expect(ours.records.map((record) => record.externalId)).toEqual(jsforceIds);
    expect(ours.source.details.format).toBe(describe.reportMetadata.reportFormat);
  });

  it('sees an sObject Collections update made by jsforce', async () => {
    const targets = (await conn.query<{ Id: string }>('SELECT Id FROM Account ORDER BY Id ASC LIMIT 3')).records;
    const results = await conn.sobject('Account').update(targets.map((target: { Id: string }, index: number) => ({ Id: target.Id, Website: `https://fidelity-${index}.example` })));
    expect(results.every((result: { success: boolean }) => result.success)).toBe(true);
    const ours = await ourAccounts();
    for (const [index, target] of targets.entries()) {
      expect(ours.find((record) => record.externalId === target.Id)?.website).toBe(`https://fidelity-${index}.example`);
    }
    expect(emulator.server.requestsTo(`/services/data/v${SALESFORCE.apiVersion}/composite/sobjects`, 'PATCH')).toHaveLength(1);
  });
});
