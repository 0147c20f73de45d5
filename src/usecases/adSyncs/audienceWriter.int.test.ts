import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adChannelConnectors } from '../../adapters/connectors/adChannelRegistry';
import type { Database } from '../../adapters/db/database';
import { claimAudienceWriter, releaseAudienceWriter, renewAudienceWriter } from '../../adapters/db/repositories/adAudienceWriters';
import { findAdSync, upsertAdSyncSettings } from '../../adapters/db/repositories/adSyncs';
import { startGoogleEmulator, type GoogleEmulator } from '../../adapters/emulators/google/index';
import type { AdChannelConnector } from '../../ports/adChannel';
import { createTestOrg } from '../../test/createTestOrg';
import { openTestDatabase, testDatabaseKinds } from '../../test/databases';
import { createTestDeps } from '../../test/testApp';
import { actorOf, seedCompanies, seedContacts, seedSegment, type SeededCompany } from './adSyncTestKit';
import type { AdSyncDeps } from './adSyncDeps';
import { audienceWriterKey, claimWriter, WRITER_STALE_MS } from './audienceWriter';
import { connectSandboxChannel } from './connectChannel';
import { createSync } from './manageSyncs';
import { runAdSync } from './runAdSync';

/**
 * One writer per Google ad account, held by the database: two workers (two connections on PostgreSQL) running syncs
 * of one Google ad account at once never write at the same time; a dead worker's claim is taken over once stale.
 */
describe.each(testDatabaseKinds())('audience writer claims on %s', (kind) => {
  let google: GoogleEmulator;
  let first: Database;
  let second: Database;
  let firstDeps: ReturnType<typeof createTestDeps> & AdSyncDeps;
  let secondDeps: ReturnType<typeof createTestDeps> & AdSyncDeps;
  let companies: SeededCompany[];

  beforeAll(async () => {
    google = await startGoogleEmulator();
    first = await openTestDatabase(kind);
    // PostgreSQL: a second pool, as a second worker process would have. PGlite has one connection per database.
    second = kind === 'postgres' ? await openTestDatabase(kind) : first;
    const overrides = { sandboxUrls: { google: google.baseUrl }, sandboxCredentials: { google: { ...google.credentials } } };
    const sleep = async (ms: number) => void google.state.options.clock.advance(ms);
    firstDeps = { ...createTestDeps(first, overrides), sleep, maxChannelWaitMs: 10 * 60_000 };
    secondDeps = { ...createTestDeps(second, overrides), sleep, maxChannelWaitMs: 10 * 60_000 };
    companies = await seedCompanies(first, 6);
  });
  afterAll(async () => {
    if (second !== first) await second.close();
    await first.close();
    await google.close();
  });

  async function googleSyncs(count: number) {
    const org = await createTestOrg(first);
    await seedContacts(first, org.orgId, companies, (index) => `writer.${index}@example.com`);
    await upsertAdSyncSettings(first.db, org.orgId, { contractedSyncLimit: null, googleAdUserDataConsent: 'GRANTED', googleAdPersonalizationConsent: 'GRANTED' });
    const actor = actorOf(org, 'marketing_user');
    await connectSandboxChannel({ orgId: org.orgId, actor, input: { channel: 'google' } }, firstDeps);
    const syncIds: string[] = [];
    for (let index = 0; index < count; index += 1) {
      // The same segment names in every organisation, one Google ad account: the audience names must still differ.
      const segmentId = await seedSegment(first, org.orgId, companies.map((company) => company.id), `Writers ${index}`);
      syncIds.push((await createSync({ orgId: org.orgId, actor, input: { segmentId, channel: 'google', adAccountId: google.credentials.adAccountId } }, firstDeps)).sync.id);
    }
    return { org, syncIds };
  }

  it('lets exactly one of many simultaneous claimants write, fences off a holder whose claim was taken over, and releases only its own claim', async () => {
    const { org, syncIds } = await googleSyncs(1);
    const syncId = syncIds[0] ?? '';
    const now = new Date();
    const staleBefore = new Date(now.getTime() - WRITER_STALE_MS);
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, index) => claimAudienceWriter((index % 2 === 0 ? first : second).db, org.orgId, { writerKey: 'google:race', syncId, holder: `h${index}`, now, staleBefore })),
    );
    expect(claims.filter((claim) => claim.isClaimed)).toHaveLength(1);
    const winner = `h${claims.findIndex((claim) => claim.isClaimed)}`;

    // The winner stops renewing (its worker died); a claim after the stale window takes over and fences it off.
    const later = new Date(now.getTime() + WRITER_STALE_MS + 1_000);
    expect(await claimAudienceWriter(second.db, org.orgId, { writerKey: 'google:race', syncId, holder: 'late', now: new Date(now.getTime() + 1_000), staleBefore: new Date(now.getTime() + 1_000 - WRITER_STALE_MS) })).toMatchObject({ isClaimed: false, heldBySyncId: syncId });
    expect(await claimAudienceWriter(second.db, org.orgId, { writerKey: 'google:race', syncId, holder: 'late', now: later, staleBefore: new Date(later.getTime() - WRITER_STALE_MS) })).toEqual({ isClaimed: true });
    expect(await renewAudienceWriter(first.db, org.orgId, { writerKey: 'google:race', holder: winner, now: later })).toBe(false);
    await releaseAudienceWriter(first.db, org.orgId, { writerKey: 'google:race', holder: winner });
    expect(await renewAudienceWriter(second.db, org.orgId, { writerKey: 'google:race', holder: 'late', now: later })).toBe(true);
    // Another organisation's claim on the same key is its own row.
    const other = await googleSyncs(1);
    expect((await claimAudienceWriter(first.db, other.org.orgId, { writerKey: 'google:race', syncId: other.syncIds[0] ?? '', holder: 'x', now, staleBefore })).isClaimed).toBe(true);
  });

  it('runs two jobs of one sync and a second sync of the same Google ad account from two workers without ever writing at once', async () => {
    const { org, syncIds } = await googleSyncs(2);
    const [syncA = '', syncB = ''] = syncIds;
    let inFlight = 0;
    let maxInFlight = 0;
    let openGate: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    let signalEntered: () => void = () => undefined;
    const entered = new Promise<void>((resolve) => (signalEntered = resolve));
    const base = adChannelConnectors.google;
    const writing = async <T>(call: () => Promise<T>): Promise<T> => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      signalEntered();
      // Hold the first write until the other runs tried their claims (bounded, so a regression fails instead of hanging).
      await Promise.race([gate, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      try {
        return await call();
      } finally {
        inFlight -= 1;
      }
    };
    const watched: AdChannelConnector = {
      ...base,
      createAudience: (ctx, input) => writing(() => base.createAudience(ctx, input)),
      sendBatch: (ctx, request) => writing(() => base.sendBatch(ctx, request)),
    };
    const workerOne: AdSyncDeps = { ...firstDeps, adChannels: { ...adChannelConnectors, google: watched } };
    const workerTwo: AdSyncDeps = { ...secondDeps, adChannels: { ...adChannelConnectors, google: watched } };

    const running = runAdSync({ orgId: org.orgId, syncId: syncA, trigger: 'create' }, workerOne);
    await entered;
    const duplicate = await runAdSync({ orgId: org.orgId, syncId: syncA, trigger: 'schedule' }, workerTwo);
    const sameAccount = await runAdSync({ orgId: org.orgId, syncId: syncB, trigger: 'create' }, workerTwo);
    openGate();
    expect(await running).toMatchObject({ kind: 'succeeded' });
    expect(duplicate).toMatchObject({ kind: 'waiting' });
    expect(sameAccount).toMatchObject({ kind: 'waiting' });
    expect(maxInFlight).toBe(1);
    // The waiting runs rescheduled themselves.
    expect(secondDeps.jobs.enqueued.filter((job) => job.options.singletonKey === `adsync:${syncB}:resume`)).toHaveLength(1);

    // The claim was released: the second sync runs now, and each audience holds the segment's people exactly once.
    expect(await runAdSync({ orgId: org.orgId, syncId: syncB, trigger: 'create' }, workerTwo)).toMatchObject({ kind: 'succeeded' });
    expect(maxInFlight).toBe(1);
    for (const syncId of [syncA, syncB]) {
      const sync = await findAdSync(first.db, org.orgId, syncId);
      const body = (await (await fetch(`${google.baseUrl}/__emulator/audiences/${sync?.audienceId ?? ''}/members`)).json()) as { members: unknown[] };
      expect(body.members).toHaveLength(companies.length);
    }
  });

  it('takes over the claim of a worker that died once it is stale, and resumes', async () => {
    const { org, syncIds } = await googleSyncs(1);
    const syncId = syncIds[0] ?? '';
    const sync = await findAdSync(first.db, org.orgId, syncId);
    if (!sync) throw new Error('sync missing');
    const dead = await claimWriter(sync, firstDeps);
    expect(dead.isClaimed).toBe(true);
    expect(audienceWriterKey(sync)).toBe(`google:${google.credentials.adAccountId}`);
    const blocked = await runAdSync({ orgId: org.orgId, syncId, trigger: 'create' }, secondDeps);
    expect(blocked).toMatchObject({ kind: 'waiting' });
    expect(blocked.kind === 'waiting' && blocked.retryAfterMs).toBeGreaterThanOrEqual(5_000);
    // Nothing was written while the claim was held.
    expect((await findAdSync(first.db, org.orgId, syncId))?.audienceId).toBeNull();
    const later = { now: () => new Date(Date.now() + WRITER_STALE_MS + 5_000) };
    expect(await runAdSync({ orgId: org.orgId, syncId, trigger: 'create' }, { ...secondDeps, clock: later })).toMatchObject({ kind: 'succeeded' });
    if (dead.isClaimed) {
      await expect(dead.writer.assertHeld()).rejects.toThrow('Another openabm worker took over writing to this Google audience');
      await dead.writer.release();
    }
  });
});
