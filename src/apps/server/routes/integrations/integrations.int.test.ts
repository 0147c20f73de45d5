import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoReportIds, startSalesforceEmulator, type SalesforceEmulator } from '../../../../adapters/emulators/salesforce/index';
import { CRM_MESSAGES } from '../../../../domain/crmSources/messages';
import type { TestOrg } from '../../../../test/createTestOrg';
import { testDatabaseKinds } from '../../../../test/databases';
import { useRouteFixture } from '../../../../test/routeFixture';
import { createTestDeps, type TestAppDeps } from '../../../../test/testApp';

describe.each(testDatabaseKinds())('integrations API on %s', (kind) => {
  let emulator: SalesforceEmulator;
  let app: FastifyInstance;
  let deps: TestAppDeps;
  let org: TestOrg;
  let otherOrg: TestOrg;

  beforeAll(async () => {
    emulator = await startSalesforceEmulator({ accountCount: 100 });
  });
  afterAll(async () => {
    await emulator.close();
  });
  const fixture = useRouteFixture(kind, { deps: (database) => createTestDeps(database, { sandboxUrls: { salesforce: emulator.baseUrl } }) });
  beforeAll(() => {
    ({ app, deps, org, otherOrg } = fixture);
  });

  const login = (which: TestOrg, role: 'primary_admin' | 'view_only' = 'primary_admin') => fixture.logIn(which, role);

  async function connect(which: TestOrg) {
    const { headers } = await login(which);
    const started = await app.inject({
      method: 'POST',
      url: '/api/integrations/crm/salesforce/connect',
      headers,
      payload: { environment: 'emulator', clientId: emulator.credentials.clientId, clientSecret: emulator.credentials.clientSecret, credentialPolicy: 'never_expire' },
    });
    expect(started.statusCode).toBe(200);
    const authorizationUrl = new URL(started.json().authorizationUrl as string);
    // The browser at the emulator: skip the consent page by dropping prompt, as an already-approved app would.
    authorizationUrl.searchParams.delete('prompt');
    const atProvider = await fetch(authorizationUrl, { redirect: 'manual' });
    const back = new URL(atProvider.headers.get('location') ?? '');
    return app.inject({ method: 'GET', url: `${back.pathname}${back.search}` });
  }

  it('rejects an unauthenticated caller', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/integrations/crm' });
    expect(response.statusCode).toBe(401);
  });

  it('connects through OAuth and redirects to the integrations page', async () => {
    const callback = await connect(org);
    expect(callback.statusCode).toBe(303);
    expect(callback.headers.location).toBe('/settings/integrations?connected=salesforce');
    const { headers } = await login(org);
    const list = await app.inject({ method: 'GET', url: '/api/integrations/crm', headers });
    expect(list.statusCode).toBe(200);
    expect(list.json().items[0]).toMatchObject({ provider: 'salesforce', status: 'connected', statusLabel: 'Connected' });
  });

  it('cannot see another org’s data', async () => {
    const { headers } = await login(otherOrg);
    const list = await app.inject({ method: 'GET', url: '/api/integrations/crm', headers });
    expect(list.json().items).toEqual([]);
  });

  it('lets a view-only user read but not connect', async () => {
    const { headers } = await login(org, 'view_only');
    expect((await app.inject({ method: 'GET', url: '/api/integrations/crm', headers })).statusCode).toBe(200);
    const connectAttempt = await app.inject({ method: 'POST', url: '/api/integrations/crm/salesforce/connect', headers, payload: { environment: 'emulator' } });
    expect(connectAttempt.statusCode).toBe(403);
  });

  it('queues a sync and refuses a report before the first full sync with the spec message', async () => {
    const { headers } = await login(org);
    const sync = await app.inject({ method: 'POST', url: '/api/integrations/crm/salesforce/sync', headers });
    expect(sync.statusCode).toBe(202);
    expect(deps.jobs.enqueued.at(-1)).toMatchObject({ name: 'crm.sync.run', payload: { orgId: org.orgId, provider: 'salesforce' } });
    const preview = await app.inject({ method: 'GET', url: `/api/integrations/crm/salesforce/sources/report/${demoReportIds.emeaAccountsTabular}/preview`, headers });
    expect(preview.statusCode).toBe(400);
    expect(preview.json().message).toBe(CRM_MESSAGES.firstSyncNotCompleted);
  });

  it('lists sources with their problems', async () => {
    const { headers } = await login(org);
    const response = await app.inject({ method: 'GET', url: '/api/integrations/crm/salesforce/sources', headers });
    expect(response.statusCode).toBe(200);
    const custom = (response.json().items as Array<{ id: string; problems: string[] }>).find((item) => item.id === demoReportIds.customReportType);
    expect(custom?.problems).toEqual([CRM_MESSAGES.reportCustomType]);
  });
});
