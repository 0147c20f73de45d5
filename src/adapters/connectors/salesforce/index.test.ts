import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../emulators/salesforce/index';
import { CRM_MESSAGES } from '../../../domain/crmSources/messages';
import { CrmConnectorError } from '../../../domain/integrations/crmErrors';
import type { CrmOAuthSettings, CrmRecord } from '../../../ports/crmConnector';
import { SALESFORCE_UNREACHABLE_ADVICE } from './client';
import { createSalesforceConnector } from './index';
import { createTestCallContext } from './testContext';

const connector = createSalesforceConnector({ requestTimeoutMs: 2_000 });
let emulator: SalesforceEmulator;
let settings: CrmOAuthSettings;

beforeAll(async () => {
  emulator = await startSalesforceEmulator({ accountCount: 3_000 });
  settings = {
    loginUrl: emulator.baseUrl,
    clientId: emulator.credentials.clientId,
    clientSecret: emulator.credentials.clientSecret,
    redirectUri: 'http://127.0.0.1:1/api/integrations/crm/oauth/callback',
    resourceUrl: undefined,
  };
});
afterAll(async () => emulator.close());
beforeEach(() => emulator.server.clearFaults());

const newContext = () => createTestCallContext(connector, settings, emulator.credentials.refreshToken);

async function rejection(promise: Promise<unknown>): Promise<CrmConnectorError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  if (!(error instanceof CrmConnectorError)) throw new Error(`expected a CrmConnectorError, got ${String(error)}`);
  return error;
}

async function readAll(ctx: Awaited<ReturnType<typeof newContext>>, objectType: 'account' | 'contact' | 'lead', since?: string) {
  const records: CrmRecord[] = [];
  let pageToken: string | undefined;
  let pages = 0;
  do {
    const page = await connector.readChanges(ctx, { objectType, modifiedSince: since, pageToken });
    records.push(...page.records);
    pageToken = page.nextPageToken;
    pages += 1;
  } while (pageToken);
  return { records, pages };
}

describe('Salesforce connector: daily sync reads', () => {
  it('pages past 2,000 accounts through nextRecordsUrl, oldest modification first', async () => {
    const ctx = await newContext();
    const { records, pages } = await readAll(ctx, 'account');
    expect(records.length).toBe(emulator.state.count('Account'));
    expect(pages).toBeGreaterThan(1);
    expect(new Set(records.map((record) => record.externalId)).size).toBe(records.length);
    const stamps = records.map((record) => record.modifiedAt ?? '');
    expect([...stamps].sort()).toEqual(stamps);
    expect(emulator.server.requestsTo('/services/data/v62.0/query/').length).toBe(pages - 1);
  });

  it('reads only records modified at or after the cursor', async () => {
    const ctx = await newContext();
    const all = (await readAll(ctx, 'contact')).records;
    const middle = all[Math.floor(all.length / 2)]?.modifiedAt ?? '';
    const later = (await readAll(ctx, 'contact', middle)).records;
    expect(later.length).toBeGreaterThan(0);
    expect(later.length).toBeLessThan(all.length);
    expect(later.every((record) => (record.modifiedAt ?? '') >= middle.slice(0, 19))).toBe(true);
  });

  it('maps converted-lead information and owners', async () => {
    const ctx = await newContext();
    const leads = (await readAll(ctx, 'lead')).records;
    const converted = leads.filter((lead) => lead.isConverted);
    expect(converted.length).toBeGreaterThan(0);
    expect(converted.every((lead) => lead.accountExternalId?.startsWith('001'))).toBe(true);
    expect(leads.some((lead) => lead.ownerName)).toBe(true);
  });
});

describe('Salesforce connector: faults', () => {
  it('refreshes once on 401 and replays the call', async () => {
    const ctx = await newContext();
    emulator.injectFault('expired_token');
    const page = await connector.readChanges(ctx, { objectType: 'account', modifiedSince: undefined, pageToken: undefined });
    expect(page.records.length).toBeGreaterThan(0);
    expect(ctx.refreshes).toBe(1);
  });

  it('gives reauth with the spec message when the refresh token was revoked', async () => {
    const ctx = await newContext();
    emulator.injectFault('revoked_token');
    const error = await rejection(connector.readChanges(ctx, { objectType: 'account', modifiedSince: undefined, pageToken: undefined }));
    expect(error.kind).toBe('reauth');
    expect(error.message).toBe(CRM_MESSAGES.unableToLogIn);
    // Restore the demo refresh token for the other tests.
    emulator.state.tokens.issueRefreshToken(emulator.state.options.integrationUserId, emulator.credentials.refreshToken);
  });

  it('honours 429 Retry-After through the injected sleeper', async () => {
    const ctx = await newContext();
    emulator.injectFault('rate_limit_429', { times: 2, retryAfterSeconds: 7 });
    const page = await connector.readChanges(ctx, { objectType: 'lead', modifiedSince: undefined, pageToken: undefined });
    expect(page.records.length).toBeGreaterThan(0);
    expect(ctx.sleeps).toEqual([7_000, 7_000]);
  });

  it('retries a 5xx and gives up as retry after the limit', async () => {
    const ctx = await newContext();
    emulator.injectFault('server_error_5xx', { times: 1, status: 503 });
    await connector.readChanges(ctx, { objectType: 'account', modifiedSince: undefined, pageToken: undefined });
    expect(ctx.sleeps).toHaveLength(1);
    emulator.injectFault('server_error_5xx');
    const error = await rejection(connector.readChanges(ctx, { objectType: 'account', modifiedSince: undefined, pageToken: undefined }));
    expect(error.kind).toBe('retry');
  });

  it('words a busy Salesforce for a job (openabm tries again) and for a person waiting (what to do; no retries made)', async () => {
    const job = await newContext();
    emulator.injectFault('server_error_5xx', { status: 503 });
    const forJob = await rejection(connector.readChanges(job, { objectType: 'account', modifiedSince: undefined, pageToken: undefined }));
    expect(forJob).toMatchObject({ kind: 'retry', message: 'Salesforce is busy or unavailable; openabm will try again later.' });
    expect(job.sleeps).toHaveLength(3);
    const person = { ...(await newContext()), isPersonWaiting: true };
    const forPerson = await rejection(connector.readChanges(person, { objectType: 'account', modifiedSince: undefined, pageToken: undefined }));
    expect(forPerson).toMatchObject({ kind: 'retry', message: 'Salesforce is busy or unavailable; wait a few minutes, then try again.' });
    expect(person.sleeps).toEqual([]);
  });

  it('words a busy or unreachable login server for a job and for a person waiting', async () => {
    emulator.injectFault('token_request_in_progress');
    const busyForJob = await rejection(connector.refreshToken(settings, emulator.credentials.refreshToken));
    expect(busyForJob).toMatchObject({ kind: 'retry', code: 'TOKEN_BUSY', message: 'The Salesforce login server is busy; openabm will try again later.' });
    const busyForPerson = await rejection(connector.refreshToken(settings, emulator.credentials.refreshToken, { isPersonWaiting: true }));
    expect(busyForPerson).toMatchObject({ kind: 'retry', code: 'TOKEN_BUSY', message: 'The Salesforce login server is busy; wait a few minutes, then try again.' });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const nowhere = { ...settings, loginUrl: `http://127.0.0.1:${port}` };
    const unreachableForJob = await rejection(connector.refreshToken(nowhere, emulator.credentials.refreshToken));
    expect(unreachableForJob.message).toBe('The Salesforce login server could not be reached (the connection was refused); openabm will try again later.');
    const unreachableForPerson = await rejection(connector.refreshToken(nowhere, emulator.credentials.refreshToken, { isPersonWaiting: true }));
    expect(unreachableForPerson.message).toBe(`The Salesforce login server could not be reached (the connection was refused). ${SALESFORCE_UNREACHABLE_ADVICE}`);
  });

  it('treats a slow answer past the timeout as transient', async () => {
    const ctx = await newContext();
    emulator.injectFault('slow', { times: 1, delayMs: 2_500 });
    const page = await connector.readChanges(ctx, { objectType: 'account', modifiedSince: undefined, pageToken: undefined });
    expect(page.records.length).toBeGreaterThan(0);
    expect(ctx.sleeps).toHaveLength(1);
  });

  it('stops with the API limit message when the daily limit is exhausted', async () => {
    const local = await startSalesforceEmulator({ accountCount: 50 });
    try {
      const ctx = await createTestCallContext(connector, { ...settings, loginUrl: local.baseUrl }, local.credentials.refreshToken);
      local.injectFault('daily_limit_exhausted');
      const error = await rejection(connector.readChanges(ctx, { objectType: 'account', modifiedSince: undefined, pageToken: undefined }));
      expect(error.kind).toBe('api_limit');
      expect(error.message).toBe(CRM_MESSAGES.apiLimitReached);
    } finally {
      await local.close();
    }
  });

  it('reports the provider usage of Sforce-Limit-Info', async () => {
    const ctx = await newContext();
    await connector.readChanges(ctx, { objectType: 'account', modifiedSince: undefined, pageToken: undefined });
    expect(ctx.providerUsage?.max).toBe(emulator.state.dailyApiLimit);
    expect(await connector.readProviderLimits?.(ctx)).toMatchObject({ max: emulator.state.dailyApiLimit });
  });
});
