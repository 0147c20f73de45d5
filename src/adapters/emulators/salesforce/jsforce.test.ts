import { Connection } from 'jsforce';
import { afterEach, describe, expect, it } from 'vitest';
import { demoReportIds } from './demoSources';
import { startSalesforceEmulator, type SalesforceEmulator } from './index';

/**
 * Fidelity: jsforce, written against the real Salesforce, must work unchanged against the emulator.
 * When it does not, the emulator is fixed, never jsforce.
 */
let emulator: SalesforceEmulator;
afterEach(async () => emulator?.close());

function connect(target: SalesforceEmulator): Connection {
  const { clientId, clientSecret, refreshToken, loginUrl, instanceUrl, apiVersion } = target.credentials;
  return new Connection({ oauth2: { clientId, clientSecret, loginUrl }, instanceUrl, refreshToken, version: apiVersion });
}

describe('jsforce against the Salesforce emulator', () => {
  it('logs in by OAuth refresh on the first 401 and queries past 2,000 rows with autoFetch (queryMore)', async () => {
    emulator = await startSalesforceEmulator({ accountCount: 4_100, contactCount: 10, leadCount: 10 });
    const conn = connect(emulator);
    let refreshedToken = '';
    conn.on('refresh', (accessToken: string) => (refreshedToken = accessToken));
    const records: { Id: string }[] = [];
    await new Promise<void>((resolve, reject) => {
      conn
        .query<{ Id: string; Name: string }>('SELECT Id, Name, Website, BillingCountry, LastModifiedDate FROM Account ORDER BY Id')
        .on('record', (record: { Id: string }) => records.push(record))
        .on('end', () => resolve())
        .on('error', reject)
        .run({ autoFetch: true, maxFetch: 10_000 });
    });
    expect(refreshedToken).not.toBe('');
    expect(records).toHaveLength(4_100);
    expect(new Set(records.map((record) => record.Id)).size).toBe(4_100);
    expect(emulator.server.requestsTo('/services/data/v62.0/query/').length).toBe(2);
  });

  it('describes and executes reports: metadata, fact map, detail rows and allData', async () => {
    emulator = await startSalesforceEmulator({ accountCount: 1_800 });
    const conn = connect(emulator);
    const reports = await conn.analytics.reports();
    expect(reports.map((report) => report.id)).toContain(demoReportIds.webLeadsSummary);
    const describe = await conn.analytics.report(demoReportIds.webLeadsSummary).describe();
    expect(describe.reportMetadata.reportFormat).toBe('SUMMARY');
    expect(describe.reportMetadata.reportType.type).toBe('LeadList');
    const result = await conn.analytics.report(demoReportIds.webLeadsSummary).execute({ details: true });
    expect(Array.isArray(result.factMap['T!T']?.rows)).toBe(true);
    expect(result.allData).toBe(true);
    const truncated = await conn.analytics.report(demoReportIds.allLeadsOver2000).execute({ details: true });
    expect(truncated.allData).toBe(false);
    expect(truncated.factMap['T!T']?.rows).toHaveLength(2_000);
    const withoutDetails = await conn.analytics.report(demoReportIds.emeaAccountsTabular).execute();
    expect(withoutDetails.factMap['T!T']?.rows).toBeUndefined();
  });

  it('updates Leads through sObject Collections and reports per-record failures', async () => {
    emulator = await startSalesforceEmulator({ accountCount: 200 });
    const conn = connect(emulator);
    const [first, second] = emulator.state.records('Lead');
    await conn.limits(); // logs in, so the update below is one request
    const results = await conn.sobject('Lead').update([
      { Id: first?.Id ?? '', Segment_Names__c: 'ICP Tier 1' },
      { Id: second?.Id ?? '', Segment_Names__c: 'ICP Tier 1' },
      { Id: '0015g00000000A1AAA', Segment_Names__c: 'wrong type' },
    ]);
    expect(results.map((result) => result.success)).toEqual([true, true, false]);
    expect(emulator.server.requestsTo('/services/data/v62.0/composite/sobjects', 'PATCH')).toHaveLength(1);
    expect(emulator.state.get('Lead', first?.Id ?? '')?.Segment_Names__c).toBe('ICP Tier 1');
  });

  it('reads list views, their describe and results, and the limits', async () => {
    emulator = await startSalesforceEmulator({ accountCount: 200 });
    const conn = connect(emulator);
    const views = (await conn.sobject('Account').listviews()) as { listviews: { id: string; developerName: string }[] };
    const allAccounts = views.listviews.find((view) => view.developerName === 'AllAccounts');
    expect(allAccounts).toBeDefined();
    const describe = (await conn.sobject('Account').listview(allAccounts?.id ?? '').describe()) as { query: string };
    expect(describe.query).toContain('FROM Account');
    const results = (await conn.sobject('Account').listview(allAccounts?.id ?? '').results()) as { size: number };
    expect(results.size).toBe(25);
    const limits = await conn.limits();
    expect(limits.DailyApiRequests?.Max).toBe(100_000);
  });

  it('creates a Task and surfaces an expired session as a transparent refresh', async () => {
    emulator = await startSalesforceEmulator({ accountCount: 200 });
    const conn = connect(emulator);
    const contact = emulator.state.records('Contact')[0];
    await conn.limits();
    emulator.injectFault('expired_token');
    const created = await conn.sobject('Task').create({ WhoId: contact?.Id, Subject: 'Email: Follow-up', TaskSubtype: 'Email', Status: 'Completed', Priority: 'Normal' });
    expect(created.success).toBe(true);
    expect(emulator.server.requestsTo('/services/oauth2/token')).toHaveLength(2);
  });
});
