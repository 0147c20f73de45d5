import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../adapters/db/database';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../adapters/emulators/salesforce/index';
import { findCrmConnection } from '../../adapters/db/repositories/crmConnections';
import { CRM_MESSAGES } from '../../domain/crmSources/messages';
import type { CrmConnector } from '../../ports/crmConnector';
import { createTestOrg } from '../../test/createTestOrg';
import { openTestDatabase, testDatabaseKinds } from '../../test/databases';
import { listCrmConnections } from './listCrmConnections';
import { runCrmDataSync } from './runCrmDataSync';
import { setCrmApiAllowance } from './setCrmApiAllowance';
import { adminActor, connectSalesforceThroughOAuth, sandboxDeps, type SandboxDeps } from '../../test/sandboxSalesforce';

const DAY_MS = 86_400_000;

describe.each(testDatabaseKinds())('daily CRM data sync (%s)', (kind) => {
  let database: Database;
  let emulator: SalesforceEmulator;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    // 5,000 accounts, 5,000 contacts and 6,667 leads: 3 + 3 + 4 query pages of 2,000.
    emulator = await startSalesforceEmulator({ accountCount: 5_000 });
  });
  afterAll(async () => {
    await emulator.close();
    await database.close();
  });
  beforeEach(() => emulator.server.clearFaults());

  async function connectedOrg(options: { dailyApiAllowance?: number } = {}) {
    const org = await createTestOrg(database);
    const deps = sandboxDeps(database.db, emulator);
    const actor = adminActor(org.orgId, org.userIds.primary_admin);
    await connectSalesforceThroughOAuth(deps, actor, options);
    return { orgId: org.orgId, actor, deps };
  }

  async function storedCounts(orgId: string) {
    const count = async (table: string) =>
      Number((await database.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE org_id = $1`, [orgId]))[0]?.n ?? -1);
    return { account: await count('crm_accounts'), contact: await count('crm_contacts'), lead: await count('crm_leads') };
  }

  const emulatorCounts = () => ({ account: emulator.state.count('Account'), contact: emulator.state.count('Contact'), lead: emulator.state.count('Lead') });

  async function usageToday(orgId: string, deps: SandboxDeps) {
    const [row] = await database.query<{ call_count: number }>('SELECT call_count FROM crm_api_usage WHERE org_id = $1 AND usage_day = $2', [
      orgId,
      deps.clock.now().toISOString().slice(0, 10),
    ]);
    return row?.call_count ?? 0;
  }

  it('copies every account, contact and lead and counts every call', async () => {
    const { orgId, actor, deps } = await connectedOrg();
    const result = await runCrmDataSync({ orgId, input: { provider: 'salesforce' } }, deps);
    expect(result.status).toBe('completed');
    expect(await storedCounts(orgId)).toEqual(emulatorCounts());
    expect(result.apiCalls).toBe(10);
    expect(await usageToday(orgId, deps)).toBe(10);
    const [summary] = (await listCrmConnections({ orgId, actor }, deps)).items;
    expect(summary).toMatchObject({ apiCallsToday: 10, recordCounts: emulatorCounts(), lastSyncRun: { status: 'completed', isFull: true } });
    expect(summary?.firstFullSyncAt).not.toBeNull();
    expect(summary?.providerApiUsage?.max).toBe(emulator.state.dailyApiLimit);
  });

  it('reads only what changed on the next run and duplicates nothing', async () => {
    const { orgId, deps } = await connectedOrg();
    await runCrmDataSync({ orgId, input: { provider: 'salesforce' } }, deps);
    const account = emulator.state.records('Account')[0];
    if (!account) throw new Error('no account');
    emulator.state.update('Account', String(account.Id), { Website: 'https://renamed.example' });
    const second = await runCrmDataSync({ orgId, input: { provider: 'salesforce' } }, deps);
    expect(second.status).toBe('completed');
    expect(second.recordsSynced).toBeLessThan(100);
    expect(await storedCounts(orgId)).toEqual(emulatorCounts());
    const [row] = await database.query<{ website: string }>('SELECT website FROM crm_accounts WHERE org_id = $1 AND external_id = $2', [orgId, account.Id]);
    expect(row?.website).toBe('https://renamed.example');
    const lastQuery = emulator.server.requestsTo('/services/data/v62.0/query', 'GET').at(-1);
    expect(lastQuery?.query.q).toMatch(/WHERE SystemModstamp >= \d{4}-\d{2}-\d{2}T/);
  });

  it('resumes after a crash mid-way without losing or duplicating a row', async () => {
    const { orgId, deps } = await connectedOrg();
    const real = deps.connectors?.salesforce;
    if (!real) throw new Error('no connector');
    let pagesBeforeCrash = 4;
    const crashing: CrmConnector = {
      ...real,
      readChanges: async (ctx, request) => {
        if (pagesBeforeCrash-- <= 0) throw new Error('worker killed');
        return real.readChanges(ctx, request);
      },
    };
    const crashingDeps = { ...deps, connectors: { ...deps.connectors!, salesforce: crashing } };
    await expect(runCrmDataSync({ orgId, input: { provider: 'salesforce' } }, crashingDeps)).rejects.toThrow('worker killed');
    const afterCrash = await storedCounts(orgId);
    expect(afterCrash.account).toBe(emulator.state.count('Account'));
    expect(afterCrash.contact).toBe(2_000);
    const resumed = await runCrmDataSync({ orgId, input: { provider: 'salesforce' } }, deps);
    expect(resumed.status).toBe('completed');
    expect(await storedCounts(orgId)).toEqual(emulatorCounts());
    const [run] = await database.query<{ n: string }>('SELECT count(*) AS n FROM crm_sync_runs WHERE org_id = $1', [orgId]);
    expect(Number(run?.n)).toBe(1); // the same run carried on
  });

  it('resumes after the provider failed past the retries', async () => {
    const { orgId, deps } = await connectedOrg();
    let pages = 0;
    emulator.server.addFault({
      label: 'fail after 5 pages',
      matches: (request) => request.url.includes('/query') && ++pages > 5,
      respond: (_request, reply) => reply.code(500).send([{ message: 'boom', errorCode: 'UNKNOWN_EXCEPTION' }]),
    });
    const failed = await runCrmDataSync({ orgId, input: { provider: 'salesforce' } }, deps);
    expect(failed.status).toBe('failed');
    emulator.server.clearFaults();
    const resumed = await runCrmDataSync({ orgId, input: { provider: 'salesforce' } }, deps);
    expect(resumed.status).toBe('completed');
    expect(await storedCounts(orgId)).toEqual(emulatorCounts());
    const connection = await findCrmConnection(database.db, orgId, 'salesforce');
    expect(connection?.status).toBe('connected');
  });

  it('refreshes an expired session once and carries on', async () => {
    const { orgId, deps } = await connectedOrg();
    const before = await findCrmConnection(database.db, orgId, 'salesforce');
    emulator.injectFault('expired_token');
    const result = await runCrmDataSync({ orgId, input: { provider: 'salesforce' } }, deps);
    expect(result.status).toBe('completed');
    const after = await findCrmConnection(database.db, orgId, 'salesforce');
    expect(after?.accessTokenSealed).not.toBe(before?.accessTokenSealed);
    expect(after?.status).toBe('connected');
  });

  it('marks the connection reauth_required when the refresh token was revoked', async () => {
    const { orgId, actor, deps } = await connectedOrg();
    emulator.injectFault('revoked_token');
    try {
      const result = await runCrmDataSync({ orgId, input: { provider: 'salesforce' } }, deps);
      expect(result).toMatchObject({ status: 'stopped_reauth', errorMessage: CRM_MESSAGES.unableToLogIn });
      const [summary] = (await listCrmConnections({ orgId, actor }, deps)).items;
      expect(summary).toMatchObject({ status: 'reauth_required', statusReason: CRM_MESSAGES.unableToLogIn });
      expect((await runCrmDataSync({ orgId, input: { provider: 'salesforce' } }, deps)).status).toBe('skipped');
    } finally {
      emulator.state.tokens.issueRefreshToken(emulator.state.options.integrationUserId, emulator.credentials.refreshToken);
    }
  });

  it('stops exactly at the daily allowance with the spec message and resumes the next day', async () => {
    const { orgId, actor, deps } = await connectedOrg({ dailyApiAllowance: 4 });
    const first = await runCrmDataSync({ orgId, input: { provider: 'salesforce' } }, deps);
    expect(first).toMatchObject({ status: 'stopped_api_limit', errorMessage: CRM_MESSAGES.apiLimitReached });
    expect(await usageToday(orgId, deps)).toBe(4);
    expect((await listCrmConnections({ orgId, actor }, deps)).items[0]).toMatchObject({ status: 'api_limit_reached', isApiLimitReachedToday: true });
    // Same day: nothing more is sent.
    const requestsBefore = emulator.server.requests.length;
    expect((await runCrmDataSync({ orgId, input: { provider: 'salesforce' } }, deps)).status).toBe('stopped_api_limit');
    expect(emulator.server.requests.length).toBe(requestsBefore);
    // Next days: the allowance renews and the sync carries on from its checkpoint.
    await setCrmApiAllowance({ orgId, actor, input: { provider: 'salesforce', dailyApiAllowance: 100 } }, deps);
    deps.clock.advance(DAY_MS);
    const next = await runCrmDataSync({ orgId, input: { provider: 'salesforce' } }, deps);
    expect(next.status).toBe('completed');
    expect(await storedCounts(orgId)).toEqual(emulatorCounts());
    expect(await usageToday(orgId, deps)).toBeLessThanOrEqual(10);
  });

  it('stops when Salesforce reports its own daily limit exhausted', async () => {
    const local = await startSalesforceEmulator({ accountCount: 100 });
    try {
      const org = await createTestOrg(database);
      const deps = sandboxDeps(database.db, local);
      await connectSalesforceThroughOAuth(deps, adminActor(org.orgId, org.userIds.primary_admin));
      local.injectFault('daily_limit_exhausted');
      const result = await runCrmDataSync({ orgId: org.orgId, input: { provider: 'salesforce' } }, deps);
      expect(result).toMatchObject({ status: 'stopped_api_limit', errorMessage: CRM_MESSAGES.apiLimitReached });
    } finally {
      await local.close();
    }
  });
});
