import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../adapters/db/database';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../adapters/emulators/salesforce/index';
import { AppError } from '../../domain/appError';
import { createTestOrg } from '../../test/createTestOrg';
import { openTestDatabase, testDatabaseKinds } from '../../test/databases';
import { disconnectCrm } from './disconnectCrm';
import { listCrmConnections } from './listCrmConnections';
import { setCrmApiAllowance } from './setCrmApiAllowance';
import { startCrmConnection } from './startCrmConnection';
import { completeCrmOAuth } from './completeCrmOAuth';
import { adminActor, connectSalesforceThroughOAuth, sandboxDeps } from '../../test/sandboxSalesforce';

describe.each(testDatabaseKinds())('connecting Salesforce (%s)', (kind) => {
  let database: Database;
  let emulator: SalesforceEmulator;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    emulator = await startSalesforceEmulator({ accountCount: 200 });
  });
  afterAll(async () => {
    await emulator.close();
    await database.close();
  });

  it('connects through the OAuth authorization-code flow and shows the connection', async () => {
    const org = await createTestOrg(database);
    const deps = sandboxDeps(database.db, emulator);
    const actor = adminActor(org.orgId, org.userIds.primary_admin);
    const result = await connectSalesforceThroughOAuth(deps, actor, { credentialPolicy: 'expire_every_90_days', dailyApiAllowance: 500 });
    expect(result).toMatchObject({ isConnected: true, redirectTo: '/settings/integrations?connected=salesforce' });
    const { items, providers } = await listCrmConnections({ orgId: org.orgId, actor }, deps);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      provider: 'salesforce',
      status: 'connected',
      environment: 'emulator',
      instanceUrl: emulator.baseUrl,
      externalOrgId: emulator.state.options.orgId,
      dailyApiAllowance: 500,
      credentialPolicy: 'expire_every_90_days',
      firstFullSyncAt: null,
    });
    expect(items[0]?.credentialsExpireAt).not.toBeNull();
    expect(providers.find((p) => p.provider === 'salesforce')?.loginOptions[0]).toMatchObject({ environment: 'emulator', label: 'Sandbox (emulator)' });
    // PKCE: the code exchange carried the verifier.
    const exchange = emulator.server.requestsTo('/services/oauth2/token').find((r) => (r.body as Record<string, string>).grant_type === 'authorization_code');
    expect((exchange?.body as Record<string, string>).code_verifier).toBeTruthy();
  });

  it('stores tokens and the client secret encrypted, never in plain text', async () => {
    const org = await createTestOrg(database);
    const deps = sandboxDeps(database.db, emulator);
    await connectSalesforceThroughOAuth(deps, adminActor(org.orgId, org.userIds.primary_admin));
    const [row] = await database.query<Record<string, string>>('SELECT * FROM crm_connections WHERE org_id = $1', [org.orgId]);
    const rowText = JSON.stringify(row);
    expect(rowText).not.toContain(emulator.credentials.clientSecret);
    const issuedRefreshTokens = emulator.server.requestsTo('/services/oauth2/token').length;
    expect(issuedRefreshTokens).toBeGreaterThan(0);
    expect(row?.access_token_sealed).toMatch(/^v1\./);
    expect(row?.refresh_token_sealed).toMatch(/^v1\./);
    expect(rowText).not.toMatch(/5Aep861/); // Salesforce refresh tokens start with this prefix
    expect(rowText).not.toContain('!AQ'); // …and access tokens carry it
  });

  it('cannot see another org’s connection', async () => {
    const orgA = await createTestOrg(database);
    const orgB = await createTestOrg(database);
    const deps = sandboxDeps(database.db, emulator);
    await connectSalesforceThroughOAuth(deps, adminActor(orgA.orgId, orgA.userIds.primary_admin));
    const listB = await listCrmConnections({ orgId: orgB.orgId, actor: adminActor(orgB.orgId, orgB.userIds.primary_admin) }, deps);
    expect(listB.items).toHaveLength(0);
    await expect(
      setCrmApiAllowance({ orgId: orgB.orgId, actor: adminActor(orgB.orgId, orgB.userIds.primary_admin), input: { provider: 'salesforce', dailyApiAllowance: 1 } }, deps),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses a view-only user', async () => {
    const org = await createTestOrg(database);
    const deps = sandboxDeps(database.db, emulator);
    const viewer = { orgId: org.orgId, userId: org.userIds.view_only, role: 'view_only' as const, kind: 'user' as const };
    await expect(
      startCrmConnection({ orgId: org.orgId, actor: viewer, input: { provider: 'salesforce', environment: 'emulator', credentialPolicy: 'never_expire' } }, deps),
    ).rejects.toBeInstanceOf(AppError);
  });

  it('uses the OAuth state once', async () => {
    const org = await createTestOrg(database);
    const deps = sandboxDeps(database.db, emulator);
    const actor = adminActor(org.orgId, org.userIds.primary_admin);
    const { authorizationUrl } = await startCrmConnection({ orgId: org.orgId, actor, input: { provider: 'salesforce', environment: 'emulator', credentialPolicy: 'never_expire' } }, deps);
    const state = new URL(authorizationUrl).searchParams.get('state') ?? '';
    await completeCrmOAuth({ input: { state, error: 'access_denied', error_description: 'end-user denied authorization' } }, deps);
    const replay = await completeCrmOAuth({ input: { state, code: 'anything' } }, deps);
    expect(replay.isConnected).toBe(false);
    expect(replay.errorMessage).toMatch(/expired or was already used/);
  });

  it('sets the allowance and disconnects', async () => {
    const org = await createTestOrg(database);
    const deps = sandboxDeps(database.db, emulator);
    const actor = adminActor(org.orgId, org.userIds.primary_admin);
    await connectSalesforceThroughOAuth(deps, actor);
    const { connection } = await setCrmApiAllowance({ orgId: org.orgId, actor, input: { provider: 'salesforce', dailyApiAllowance: 1234 } }, deps);
    expect(connection.dailyApiAllowance).toBe(1234);
    await disconnectCrm({ orgId: org.orgId, actor, input: { provider: 'salesforce' } }, deps);
    expect((await listCrmConnections({ orgId: org.orgId, actor }, deps)).items).toHaveLength(0);
    expect(emulator.server.requestsTo('/services/oauth2/revoke').length).toBeGreaterThan(0);
  });
});
