import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../adapters/db/database';
import { countToggledOnSyncs, upsertAdSyncSettings } from '../../adapters/db/repositories/adSyncs';
import { startLinkedInEmulator, type LinkedInEmulator } from '../../adapters/emulators/linkedin/index';
import { AppError } from '../../domain/appError';
import { createTestOrg } from '../../test/createTestOrg';
import { openTestDatabase } from '../../test/databases';
import { createTestDeps } from '../../test/testApp';
import { actorOf, seedCompanies, seedSegment } from './adSyncTestKit';
import type { AdSyncDeps } from './adSyncDeps';
import { connectSandboxChannel } from './connectChannel';
import { createSync } from './manageSyncs';

/**
 * Two Create Sync requests for the last place under the contracted limit, interleaved on purpose: request A counts
 * (0 of 1 used) and is held open right after its count by the afterSyncLimitCount seam; request B then runs on another
 * connection of the pool. With the org's advisory lock B waits for the lock until A commits, then counts 1 of 1 and is
 * refused. Without the lock B counts 0 too (A has not inserted yet) and both take the place: this test then fails.
 *
 * PostgreSQL only. PGlite has a single connection and runs a transaction exclusively: every query of request B waits
 * until request A's transaction has ended, so a count and an insert of two requests can never interleave there, with
 * or without the lock (and the polling query below would wait behind A too). Create Sync on PGlite, lock included, is
 * exercised by linkedinSync.int.test.ts and the other ad-sync tests.
 */
const POSTGRES_URL = process.env.TEST_DATABASE_URL;

describe.skipIf(!POSTGRES_URL)('Create Sync under the contracted limit on postgres', () => {
  let emulator: LinkedInEmulator;
  let database: Database;

  beforeAll(async () => {
    emulator = await startLinkedInEmulator();
    database = await openTestDatabase('postgres');
  });
  afterAll(async () => {
    await database.close();
    await emulator.close();
  });

  function deferred(): { promise: Promise<void>; resolve: () => void } {
    let resolve = () => undefined as void;
    const promise = new Promise<void>((done) => (resolve = done));
    return { promise, resolve };
  }

  /**
   * Resolves once some connection waits for the org's sync-limit lock (read from pg_locks, not guessed with a timer),
   * or once `isSettled` says the race is decided otherwise; rejects after 20 s.
   */
  async function untilWaitingForLimitLock(orgId: string, isSettled: () => boolean): Promise<void> {
    const key = `adsync-limit:${orgId}`;
    for (const startedAt = Date.now(); Date.now() - startedAt < 20_000; ) {
      if (isSettled()) return;
      // A bigint advisory key is held as classid (high 32 bits) and objid (low 32 bits); hashtext gives an int4.
      const [row] = await database.query<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM pg_locks
         WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
           AND objid::bigint = (hashtext($1)::bigint & 4294967295)`,
        [key],
      );
      if ((row?.waiting ?? 0) > 0) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
    throw new Error('The second Create Sync neither counted nor waited for the sync-limit lock within 20 s.');
  }

  it('lets only one of two simultaneous requests take the last place; the other is refused with the limit sentence', async () => {
    const org = await createTestOrg(database);
    const actor = actorOf(org, 'marketing_user');
    const base: AdSyncDeps = createTestDeps(database, { sandboxUrls: { linkedin: emulator.baseUrl }, sandboxCredentials: { linkedin: { ...emulator.credentials } } });
    await connectSandboxChannel({ orgId: org.orgId, actor, input: { channel: 'linkedin' } }, base);
    await upsertAdSyncSettings(database.db, org.orgId, { contractedSyncLimit: 1, googleAdUserDataConsent: 'DENIED', googleAdPersonalizationConsent: 'DENIED' });
    const companyIds = (await seedCompanies(database, 2)).map((company) => company.id);
    const [segmentA, segmentB] = [await seedSegment(database, org.orgId, companyIds, 'Race A'), await seedSegment(database, org.orgId, companyIds, 'Race B')];
    const input = (segmentId: string) => ({ segmentId, channel: 'linkedin' as const, adAccountId: emulator.credentials.adAccountId });

    const aCounted = deferred();
    const releaseA = deferred();
    const bCounted = deferred();
    const requestA = createSync({ orgId: org.orgId, actor, input: input(segmentA) }, { ...base, afterSyncLimitCount: async () => (aCounted.resolve(), releaseA.promise) });
    // Should A fail before its count, stop waiting at once (the assertions below then say why).
    await Promise.race([aCounted.promise, requestA.then(() => undefined, () => undefined)]);
    const requestB = createSync({ orgId: org.orgId, actor, input: input(segmentB) }, { ...base, afterSyncLimitCount: async () => bCounted.resolve() });
    // A is inside its transaction, counted, not inserted. B either counts too (no lock: the race is lost) or waits for
    // the lock A holds. Only then may A go on.
    let bState: 'counted' | 'waiting for the lock' | undefined;
    await Promise.race([
      bCounted.promise.then(() => (bState ??= 'counted')),
      untilWaitingForLimitLock(org.orgId, () => bState !== undefined).then(() => (bState ??= 'waiting for the lock')),
    ]);
    releaseA.resolve();
    const [a, b] = await Promise.allSettled([requestA, requestB]);

    expect(a.status === 'fulfilled' ? a.value.limitWarning : String(a.reason)).toBe(
      "Sync limit notification: This sync will use 1 of your organisation's 1 contracted segment syncs. Turn off syncs you no longer need before you reach the limit.",
    );
    expect(b.status, 'the second request must be refused, not take the last place too').toBe('rejected');
    const refusal = b.status === 'rejected' ? (b.reason as unknown) : undefined;
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({
      code: 'limit_reached',
      message: 'Sync limit reached: Your organisation uses 1 of its 1 contracted segment syncs. Turn off a sync you no longer need, or ask your administrator to raise the contracted sync limit.',
    });
    expect(await countToggledOnSyncs(database.db, org.orgId)).toBe(1);
    expect(bState, 'B must not count while A holds the last place unsaved').toBe('waiting for the lock');
  });
});
