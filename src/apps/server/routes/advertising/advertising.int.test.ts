import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLinkedInEmulator, type LinkedInEmulator } from '../../../../adapters/emulators/linkedin/index';
import type { TestOrg } from '../../../../test/createTestOrg';
import { testDatabaseKinds } from '../../../../test/databases';
import { useRouteFixture } from '../../../../test/routeFixture';
import { createTestDeps, type TestAppDeps } from '../../../../test/testApp';
import { seedCompanies, seedSegment } from '../../../../usecases/adSyncs/adSyncTestKit';

/** The Advertising API: authentication, tenancy, roles, the contracted limit, and the segment delete guard. */
describe.each(testDatabaseKinds())('advertising API on %s', (kind) => {
  let emulator: LinkedInEmulator;
  let app: FastifyInstance;
  let deps: TestAppDeps;
  let org: TestOrg;
  let otherOrg: TestOrg;
  let syncId: string;
  let segmentId: string;

  beforeAll(async () => {
    emulator = await startLinkedInEmulator();
  });
  afterAll(async () => {
    await emulator.close();
  });
  const fixture = useRouteFixture(kind, {
    deps: (database) => createTestDeps(database, { sandboxUrls: { linkedin: emulator.baseUrl }, sandboxCredentials: { linkedin: { ...emulator.credentials } } }),
  });
  beforeAll(async () => {
    ({ app, deps, org, otherOrg } = fixture);
    const companies = await seedCompanies(fixture.database, 3);
    segmentId = await seedSegment(fixture.database, org.orgId, companies.map((company) => company.id));
    const headers = await fixture.headersOf(org, 'marketing_user');
    expect((await app.inject({ method: 'POST', url: '/api/advertising/channels/linkedin/sandbox-connect', headers })).statusCode).toBe(200);
    const created = await app.inject({ method: 'POST', url: '/api/syncs', headers, payload: { segmentId, channel: 'linkedin', adAccountId: emulator.credentials.adAccountId } });
    expect(created.statusCode).toBe(201);
    syncId = created.json().sync.id as string;
  });

  it('rejects an unauthenticated caller', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/syncs' })).statusCode).toBe(401);
  });

  it('cannot see another org’s data', async () => {
    const headers = await fixture.headersOf(otherOrg, 'primary_admin');
    expect((await app.inject({ method: 'GET', url: '/api/syncs', headers })).json().total).toBe(0);
    expect((await app.inject({ method: 'GET', url: `/api/syncs/${syncId}`, headers })).statusCode).toBe(404);
  });

  it('queues the first run and lists the sync for a view-only user, who cannot change it', async () => {
    expect(deps.jobs.enqueued.at(-1)).toMatchObject({ name: 'adSyncs.run', payload: { syncId, trigger: 'create' } });
    const headers = await fixture.headersOf(org, 'view_only');
    const list = await app.inject({ method: 'GET', url: '/api/syncs?status=syncing&channel=linkedin', headers });
    expect(list.json().items).toEqual([expect.objectContaining({ id: syncId, status: 'syncing', canToggleOff: false })]);
    expect((await app.inject({ method: 'POST', url: `/api/syncs/${syncId}/toggle`, headers, payload: { isOn: false } })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/api/syncs', headers, payload: { segmentId, channel: 'linkedin', adAccountId: '1' } })).statusCode).toBe(403);
  });

  it('counts the sync in the segment’s activations and refuses to delete the segment while it is on', async () => {
    const headers = await fixture.headersOf(org, 'primary_admin');
    const segment = await app.inject({ method: 'GET', url: `/api/segments/${segmentId}`, headers });
    expect(segment.json().segment.activations.activeSyncCount).toBe(1);
    expect((await app.inject({ method: 'DELETE', url: `/api/segments/${segmentId}`, headers })).statusCode).toBe(409);
  });

  it('shows the settings to everyone, lets only admins change them, and refuses a bad limit with a sentence', async () => {
    const viewer = await fixture.headersOf(org, 'view_only');
    const initial = await app.inject({ method: 'GET', url: '/api/advertising/settings', headers: viewer });
    expect(initial.json()).toEqual({
      contractedSyncLimit: null,
      googleAdUserDataConsent: 'DENIED',
      googleAdPersonalizationConsent: 'DENIED',
      usedCount: 1,
      warningFromCount: null,
      limitRule: 'No contracted sync limit is set: Create Sync neither warns nor refuses.',
      updatedAt: null,
      canEdit: false,
    });
    const body = { contractedSyncLimit: 10, googleAdUserDataConsent: 'GRANTED', googleAdPersonalizationConsent: 'DENIED' };
    expect((await app.inject({ method: 'PUT', url: '/api/advertising/settings', headers: await fixture.headersOf(org, 'marketing_user'), payload: body })).statusCode).toBe(403);
    const admin = await fixture.headersOf(org, 'abm_admin');
    const negative = await app.inject({ method: 'PUT', url: '/api/advertising/settings', headers: admin, payload: { ...body, contractedSyncLimit: -1 } });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().message).toBe('Contracted sync limit must be at least 0.');
    expect((await app.inject({ method: 'PUT', url: '/api/advertising/settings', headers: admin, payload: { ...body, contractedSyncLimit: 2.5 } })).statusCode).toBe(400);
    expect((await app.inject({ method: 'PUT', url: '/api/advertising/settings', headers: admin, payload: body })).json()).toEqual({ isSaved: true });
    const saved = (await app.inject({ method: 'GET', url: '/api/advertising/settings', headers: admin })).json();
    expect(saved).toMatchObject({ contractedSyncLimit: 10, googleAdUserDataConsent: 'GRANTED', googleAdPersonalizationConsent: 'DENIED', usedCount: 1, warningFromCount: 8, canEdit: true });
    expect(saved.limitRule).toContain('to 8 of 10 (80 %)');
    expect(saved.updatedAt).toEqual(expect.any(String));
    const other = await app.inject({ method: 'GET', url: '/api/advertising/settings', headers: await fixture.headersOf(otherOrg, 'primary_admin') });
    expect(other.json()).toMatchObject({ contractedSyncLimit: null, usedCount: 0 });
  });

  it('warns from 80 % of the contracted limit and refuses at the limit, saying what to do', async () => {
    const admin = await fixture.headersOf(org, 'primary_admin');
    await app.inject({ method: 'PUT', url: '/api/advertising/settings', headers: admin, payload: { contractedSyncLimit: 1, googleAdUserDataConsent: 'DENIED', googleAdPersonalizationConsent: 'DENIED' } });
    const headers = await fixture.headersOf(org, 'marketing_user');
    const dryRun = await app.inject({ method: 'POST', url: '/api/advertising/dry-run', headers, payload: { segmentId, channel: 'linkedin' } });
    expect(dryRun.json().limit).toMatchObject({ kind: 'refused', usedCount: 1, limit: 1 });
    const refused = await app.inject({ method: 'POST', url: '/api/syncs', headers, payload: { segmentId, channel: 'linkedin', adAccountId: '999' } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe(
      'Sync limit reached: Your organisation uses 1 of its 1 contracted segment syncs. Turn off a sync you no longer need, or ask your administrator to raise the contracted sync limit.',
    );
  });
});
