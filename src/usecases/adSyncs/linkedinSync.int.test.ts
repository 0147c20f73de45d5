import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLinkedInEmulator, type LinkedInEmulator } from '../../adapters/emulators/linkedin/index';
import type { Database } from '../../adapters/db/database';
import { listAdSyncRuns } from '../../adapters/db/repositories/adSyncRuns';
import { findAdSync } from '../../adapters/db/repositories/adSyncs';
import { findAdChannelConnection, updateAdChannelConnection } from '../../adapters/db/repositories/adChannelConnections';
import { createTestOrg, type TestOrg } from '../../test/createTestOrg';
import { openTestDatabase, testDatabaseKinds } from '../../test/databases';
import { createTestDeps } from '../../test/testApp';
import { adChannelConnectors } from '../../adapters/connectors/adChannelRegistry';
import type { AdChannelConnector } from '../../ports/adChannel';
import { actorOf, seedCompanies, seedSegment, setSegmentMembers, type SeededCompany } from './adSyncTestKit';
import type { AdSyncDeps } from './adSyncDeps';
import { connectSandboxChannel } from './connectChannel';
import { createSync, toggleSync } from './manageSyncs';
import { listAdAccounts } from './listAdAccounts';
import { runAdSync } from './runAdSync';
import { getSync } from './syncViews';

/** LinkedIn company audiences end to end against the LinkedIn emulator: first sync, incremental diff, crash-resume, faults, roles. */
describe.each(testDatabaseKinds())('LinkedIn segment sync on %s', (kind) => {
  let emulator: LinkedInEmulator;
  let database: Database;
  let deps: AdSyncDeps & ReturnType<typeof createTestDeps>;
  let companies: SeededCompany[];
  const sleeps: number[] = [];

  beforeAll(async () => {
    emulator = await startLinkedInEmulator();
    database = await openTestDatabase(kind);
    const base = createTestDeps(database, { sandboxUrls: { linkedin: emulator.baseUrl }, sandboxCredentials: { linkedin: { ...emulator.credentials } } });
    // Waits move the emulator's clock instead of sleeping (LinkedIn's 5-second new-segment window, Retry-After).
    deps = { ...base, sleep: async (ms: number) => void (sleeps.push(ms), emulator.state.options.clock.advance(ms)), maxChannelWaitMs: 10 * 60_000 };
    companies = await seedCompanies(database, 40);
  });
  afterAll(async () => {
    await database.close();
    await emulator.close();
  });

  async function audienceDomains(audienceId: string): Promise<string[]> {
    const response = await fetch(`${emulator.baseUrl}/__emulator/audiences/${audienceId}/members`);
    const body = (await response.json()) as { members: Array<{ identifiers: Record<string, string> }> };
    return body.members.map((member) => member.identifiers.DOMAIN ?? '').sort();
  }
  const domainsOf = (list: SeededCompany[]) => list.map((company) => company.domain ?? '').sort();

  async function connectedSync(org: TestOrg, members: SeededCompany[], options: { connector?: AdChannelConnector } = {}) {
    const marketing = actorOf(org, 'marketing_user');
    await connectSandboxChannel({ orgId: org.orgId, actor: marketing, input: { channel: 'linkedin' } }, deps);
    const segmentId = await seedSegment(database, org.orgId, members.map((company) => company.id));
    const runDeps: AdSyncDeps = options.connector ? { ...deps, adChannels: { ...adChannelConnectors, linkedin: options.connector } } : deps;
    const { sync } = await createSync({ orgId: org.orgId, actor: marketing, input: { segmentId, channel: 'linkedin', adAccountId: emulator.credentials.adAccountId } }, runDeps);
    return { sync, segmentId, runDeps, marketing };
  }

  it('lists only the ad accounts the login may manage audiences in', async () => {
    const org = await createTestOrg(database);
    const actor = actorOf(org, 'marketing_user');
    await connectSandboxChannel({ orgId: org.orgId, actor, input: { channel: 'linkedin' } }, deps);
    const { items } = await listAdAccounts({ orgId: org.orgId, actor, input: { channel: 'linkedin' } }, deps);
    expect(items.map((item) => item.id)).toContain(emulator.credentials.adAccountId);
    expect(items.every((item) => ['ACCOUNT_BILLING_ADMIN', 'ACCOUNT_MANAGER', 'CAMPAIGN_MANAGER', 'OWNER'].includes(item.role ?? ''))).toBe(true);
  });

  it('sends the segment, then only the difference after a refresh, and the audience equals the segment', async () => {
    const org = await createTestOrg(database);
    const { sync, segmentId } = await connectedSync(org, companies.slice(0, 12));
    expect(await runAdSync({ orgId: org.orgId, syncId: sync.id, trigger: 'create' }, deps)).toMatchObject({ kind: 'succeeded' });
    const first = await findAdSync(database.db, org.orgId, sync.id);
    expect(first).toMatchObject({ status: 'synced', ackedCount: 12 });
    expect(await audienceDomains(first?.audienceId ?? '')).toEqual(domainsOf(companies.slice(0, 12)));

    const next = [...companies.slice(3, 12), ...companies.slice(20, 22)];
    await setSegmentMembers(database, org.orgId, segmentId, next.map((company) => company.id));
    expect(await runAdSync({ orgId: org.orgId, syncId: sync.id, trigger: 'segment_refresh' }, deps)).toMatchObject({ kind: 'succeeded' });
    expect(await audienceDomains(first?.audienceId ?? '')).toEqual(domainsOf(next));
    const [latest] = await listAdSyncRuns(database.db, org.orgId, sync.id, 1);
    expect(latest).toMatchObject({ status: 'succeeded', plannedAdd: 2, plannedRemove: 3, addedCount: 2, removedCount: 3 });
  });

  it('resumes after a crash mid-run without re-sending acknowledged batches', async () => {
    const org = await createTestOrg(database);
    const members = companies.slice(0, 10);
    let batchesSent = 0;
    const small = { ...adChannelConnectors.linkedin, maxMembersPerRequest: 3 };
    const crashing: AdChannelConnector = {
      ...small,
      async sendBatch(ctx, request) {
        if (batchesSent === 2) throw new Error('worker killed');
        batchesSent += 1;
        return small.sendBatch(ctx, request);
      },
    };
    const { sync, runDeps } = await connectedSync(org, members, { connector: crashing });
    await expect(runAdSync({ orgId: org.orgId, syncId: sync.id, trigger: 'create' }, runDeps)).rejects.toThrow('worker killed');
    const counting: AdChannelConnector = { ...small, sendBatch: (ctx, request) => ((batchesSent += 1), small.sendBatch(ctx, request)) };
    const resumed = await runAdSync({ orgId: org.orgId, syncId: sync.id, trigger: 'create' }, { ...deps, adChannels: { ...adChannelConnectors, linkedin: counting } });
    expect(resumed).toMatchObject({ kind: 'succeeded' });
    // 10 members in batches of 3 = 4 batches in all, each sent once.
    expect(batchesSent).toBe(4);
    const stored = await findAdSync(database.db, org.orgId, sync.id);
    expect(await audienceDomains(stored?.audienceId ?? '')).toEqual(domainsOf(members));
    expect(await listAdSyncRuns(database.db, org.orgId, sync.id, 5)).toHaveLength(1);
  });

  it('waits out a 429 with Retry-After instead of failing', async () => {
    const org = await createTestOrg(database);
    const { sync } = await connectedSync(org, companies.slice(0, 5));
    sleeps.length = 0;
    const lift = emulator.injectFault('rate_limit', { times: 2, retryAfterSeconds: 7, pathPrefix: '/rest/dmpSegments' });
    try {
      expect(await runAdSync({ orgId: org.orgId, syncId: sync.id, trigger: 'create' }, deps)).toMatchObject({ kind: 'succeeded' });
    } finally {
      lift();
    }
    expect(sleeps.filter((ms) => ms === 7_000)).toHaveLength(2);
  });

  it('fails with the missing-permission alert and what to do when LinkedIn refuses the ad account', async () => {
    const org = await createTestOrg(database);
    const { sync } = await connectedSync(org, companies.slice(0, 5));
    const lift = emulator.injectFault('permission_denied', { pathPrefix: '/rest/dmpSegments' });
    try {
      expect(await runAdSync({ orgId: org.orgId, syncId: sync.id, trigger: 'create' }, deps)).toMatchObject({ kind: 'failed', code: 'missing_permission' });
    } finally {
      lift();
    }
    const view = await getSync({ orgId: org.orgId, actor: actorOf(org, 'view_only'), input: { syncId: sync.id } }, deps);
    expect(view.sync.status).toBe('failed');
    expect(view.alerts[0]).toMatchObject({ code: 'missing_permission', title: 'Missing permission on the ad account' });
    expect(view.alerts[0]?.whatToDo).toContain('Account Manager, Campaign Manager or Owner');
  });

  it('recreates an audience deleted on LinkedIn and says so', async () => {
    const org = await createTestOrg(database);
    const { sync } = await connectedSync(org, companies.slice(0, 6));
    await runAdSync({ orgId: org.orgId, syncId: sync.id, trigger: 'create' }, deps);
    const before = await findAdSync(database.db, org.orgId, sync.id);
    emulator.injectFault('audience_deleted', { audienceId: before?.audienceId ?? '' });
    expect(await runAdSync({ orgId: org.orgId, syncId: sync.id, trigger: 'schedule' }, deps)).toMatchObject({ kind: 'succeeded' });
    const after = await findAdSync(database.db, org.orgId, sync.id);
    expect(after?.audienceId).not.toBe(before?.audienceId);
    expect(await audienceDomains(after?.audienceId ?? '')).toEqual(domainsOf(companies.slice(0, 6)));
  });

  it('lets the creator or an admin toggle off, not another marketing user or a view-only user', async () => {
    const org = await createTestOrg(database);
    const { sync } = await connectedSync(org, companies.slice(0, 3));
    const otherMarketing = { ...actorOf(org, 'marketing_user'), userId: org.userIds.abm_admin, role: 'marketing_user' as const };
    await expect(toggleSync({ orgId: org.orgId, actor: otherMarketing, input: { syncId: sync.id, isOn: false } }, deps)).rejects.toThrow(
      'Syncs created by other users can only be paused by an Administrator or the user who created the sync.',
    );
    await expect(toggleSync({ orgId: org.orgId, actor: actorOf(org, 'view_only'), input: { syncId: sync.id, isOn: false } }, deps)).rejects.toThrow('does not allow');
    expect((await toggleSync({ orgId: org.orgId, actor: actorOf(org, 'abm_admin'), input: { syncId: sync.id, isOn: false } }, deps)).status).toBe('inactive');
    expect(await runAdSync({ orgId: org.orgId, syncId: sync.id, trigger: 'schedule' }, deps)).toMatchObject({ kind: 'skipped' });
  });

  it('refuses a second identical sync with a link to the first', async () => {
    const org = await createTestOrg(database);
    const { sync, segmentId, marketing } = await connectedSync(org, companies.slice(0, 3));
    await expect(createSync({ orgId: org.orgId, actor: marketing, input: { segmentId, channel: 'linkedin', adAccountId: emulator.credentials.adAccountId } }, deps)).rejects.toMatchObject({
      code: 'conflict',
      details: { existingSyncId: sync.id },
    });
  });

  it('asks for the yearly LinkedIn sign-in once the refresh token’s year is over', async () => {
    const org = await createTestOrg(database);
    const { sync } = await connectedSync(org, companies.slice(0, 3));
    const connection = await findAdChannelConnection(database.db, org.orgId, org.userIds.marketing_user, 'linkedin');
    expect(connection?.reauthDueAt?.getTime()).toBeGreaterThan(Date.now() + 364 * 24 * 3600_000);
    await updateAdChannelConnection(database.db, org.orgId, connection?.id ?? '', { reauthDueAt: new Date(Date.now() - 1_000) });
    expect(await runAdSync({ orgId: org.orgId, syncId: sync.id, trigger: 'schedule' }, deps)).toMatchObject({ kind: 'failed', code: 'reauth_yearly' });
    expect((await findAdChannelConnection(database.db, org.orgId, org.userIds.marketing_user, 'linkedin'))?.status).toBe('reauth_required');
  });
});
