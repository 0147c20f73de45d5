import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubSpotEmulator, type HubSpotEmulator } from '../../../../adapters/emulators/hubspot/index';
import { startMarketoEmulator, type MarketoEmulator } from '../../../../adapters/emulators/marketo/index';
import { findMapConnection } from '../../../../adapters/db/repositories/mapConnections';
import type { TestOrg } from '../../../../test/createTestOrg';
import { testDatabaseKinds } from '../../../../test/databases';
import { useRouteFixture } from '../../../../test/routeFixture';
import { createTestDeps, type TestAppDeps } from '../../../../test/testApp';
import { withMapSession } from '../../../../usecases/integrations/mapSession';

describe.each(testDatabaseKinds())('marketing-automation integrations API on %s', (kind) => {
  let hubspot: HubSpotEmulator;
  let marketo: MarketoEmulator;
  let app: FastifyInstance;
  let deps: TestAppDeps;
  let org: TestOrg;
  let otherOrg: TestOrg;

  beforeAll(async () => {
    hubspot = await startHubSpotEmulator({ contactCount: 20 });
    marketo = await startMarketoEmulator({ leadCount: 20 });
  });
  afterAll(async () => {
    await hubspot.close();
    await marketo.close();
  });
  const fixture = useRouteFixture(kind, {
    deps: (database) =>
      createTestDeps(database, {
        sandboxUrls: { hubspot: hubspot.baseUrl, marketo: marketo.baseUrl },
        sandboxCredentials: { hubspot: { ...hubspot.credentials }, marketo: { ...marketo.credentials } },
      }),
  });
  beforeAll(() => {
    ({ app, deps, org, otherOrg } = fixture);
  });

  async function connectHubSpot(which: TestOrg) {
    const { headers } = await fixture.logIn(which, 'primary_admin');
    const started = await app.inject({ method: 'POST', url: '/api/integrations/map/hubspot/connect', headers, payload: { environment: 'emulator' } });
    expect(started.statusCode).toBe(200);
    const atProvider = await fetch(started.json().authorizationUrl as string, { redirect: 'manual' });
    const back = new URL(atProvider.headers.get('location') ?? '');
    return app.inject({ method: 'GET', url: `${back.pathname}${back.search}` });
  }

  it('connects HubSpot in one click through the emulator OAuth and lists it with its API budget', async () => {
    const callback = await connectHubSpot(org);
    expect(callback.headers.location).toBe('/settings/integrations?connected=hubspot');
    const { headers } = await fixture.logIn(org, 'view_only');
    const list = await app.inject({ method: 'GET', url: '/api/integrations/map', headers });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([expect.objectContaining({ provider: 'hubspot', status: 'connected', dailyApiAllowance: 100_000, apiCallsToday: 0, externalOrgId: String(hubspot.state.portalId) })]);
    expect(list.json().providers.map((p: { provider: string }) => p.provider)).toEqual(['hubspot', 'marketo', 'pardot', 'eloqua']);
    const row = await findMapConnection(deps.db, org.orgId, 'hubspot');
    expect(row?.accessTokenSealed.startsWith('v1.')).toBe(true);
    const other = await app.inject({ method: 'GET', url: '/api/integrations/map', headers: (await fixture.logIn(otherOrg, 'primary_admin')).headers });
    expect(other.json().items).toEqual([]);
  });

  it('counts each provider call against the day budget through withMapSession, and a refused refresh asks for a new login', async () => {
    await connectHubSpot(org);
    const page = await withMapSession(org.orgId, 'hubspot', deps, ({ connector, ctx }) => connector.listRecords(ctx, { object: 'contacts', fieldNames: [], cursor: undefined }));
    expect(page.records).toHaveLength(20);
    const { headers } = await fixture.logIn(org, 'primary_admin');
    expect((await app.inject({ method: 'GET', url: '/api/integrations/map', headers })).json().items[0]).toMatchObject({ apiCallsToday: 1, providerApiUsage: { max: 250_000 } });
    hubspot.injectFault('expired_token');
    hubspot.injectFault('revoked_refresh_token');
    await expect(withMapSession(org.orgId, 'hubspot', deps, ({ connector, ctx }) => connector.listFields(ctx, 'contacts'))).rejects.toMatchObject({ kind: 'reauth' });
    const after = (await app.inject({ method: 'GET', url: '/api/integrations/map', headers })).json().items[0];
    expect(after).toMatchObject({ status: 'reauth_required', statusLabel: 'Reconnect required' });
    expect(after.statusReason).toContain('Unable to log into HubSpot');
  });

  it('connects Marketo with client credentials at once, refuses bad ones in Marketo words, and checks the inputs', async () => {
    const { headers } = await fixture.logIn(org, 'primary_admin');
    const bad = await app.inject({ method: 'POST', url: '/api/integrations/map/marketo/connect', headers, payload: { environment: 'emulator', clientSecret: 'wrong' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('Marketo refused the connection: Bad client credentials');
    const missing = await app.inject({ method: 'POST', url: '/api/integrations/map/marketo/connect', headers, payload: { environment: 'production', clientId: 'x' } });
    expect(missing.json().message).toBe('Enter the client secret, Munchkin id and REST endpoint URL.');
    const good = await app.inject({ method: 'POST', url: '/api/integrations/map/marketo/connect', headers, payload: { environment: 'emulator', dailyApiAllowance: 500 } });
    expect(good.statusCode).toBe(200);
    expect(good.json()).toMatchObject({ authorizationUrl: null, connection: { provider: 'marketo', status: 'connected', dailyApiAllowance: 500, externalOrgId: '123-ABC-456' } });
  });

  it('lets only admins connect, change the allowance or disconnect; disconnect deletes the sealed credentials', async () => {
    await connectHubSpot(org);
    const viewer = await fixture.logIn(org, 'view_only');
    expect((await app.inject({ method: 'DELETE', url: '/api/integrations/map/hubspot', headers: viewer.headers })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/api/integrations/map/hubspot/connect', headers: viewer.headers, payload: { environment: 'emulator' } })).statusCode).toBe(403);
    const { headers } = await fixture.logIn(org, 'primary_admin');
    const allowance = await app.inject({ method: 'PUT', url: '/api/integrations/map/hubspot/allowance', headers, payload: { dailyApiAllowance: 1_234 } });
    expect(allowance.json().connection.dailyApiAllowance).toBe(1_234);
    expect((await app.inject({ method: 'DELETE', url: '/api/integrations/map/hubspot', headers })).json()).toEqual({ isDisconnected: true });
    expect(await findMapConnection(deps.db, org.orgId, 'hubspot')).toBeUndefined();
    expect((await app.inject({ method: 'DELETE', url: '/api/integrations/map/hubspot', headers })).statusCode).toBe(404);
  });
});
