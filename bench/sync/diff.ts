/**
 * Times the sync engine's diff of a 1,000,000-member audience against its last acknowledged state, reading both
 * member sets from the database (the sync's acknowledged set and the run's target, packed sorted uint32 keys), then
 * planning adds, removes and retries with one linear merge. Also counts the batches 1,000,000 people need at each
 * channel's limit. Peer in the same run: the same plan made the obvious way, with JavaScript Sets over the same keys.
 * Prints figures; never passes or fails.
 *
 *   npx tsx bench/sync/diff.ts
 *   MEMBERS=200000 npx tsx bench/sync/diff.ts
 *   DATABASE_URL=postgres://… npx tsx bench/sync/diff.ts
 */
import { performance } from 'node:perf_hooks';
import { and, eq } from 'drizzle-orm';
import { adChannelConnectors } from '../../src/adapters/connectors/adChannelRegistry';
import { openDatabase } from '../../src/adapters/db/database';
import { insertAdSync } from '../../src/adapters/db/repositories/adSyncs';
import { insertAdSyncRun } from '../../src/adapters/db/repositories/adSyncRuns';
import { adSyncRuns, adSyncs } from '../../src/adapters/db/schema/index';
import { insertSegment } from '../../src/adapters/db/segments/segmentsRepo';
import { chunkMemberSet, packMemberSet, toMemberSet, unpackMemberSet } from '../../src/domain/sync/memberSet';
import { planAudienceSync } from '../../src/domain/sync/plan';
import { AD_CHANNEL_IDS } from '../../src/domain/sync/channels';
import { createTestOrg } from '../../src/test/createTestOrg';

const memberCount = Number(process.env.MEMBERS ?? 1_000_000);
const repeats = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The peer: adds are current members not acknowledged, removes acknowledged ones no longer current, retries not-acknowledged ones that failed last time. */
function planWithSets(acked: ArrayLike<number>, current: ArrayLike<number>, failed: ArrayLike<number>): { add: number; remove: number; retry: number } {
  const ackedSet = new Set(Array.from(acked));
  const currentSet = new Set(Array.from(current));
  const failedSet = new Set(Array.from(failed));
  let add = 0;
  let retry = 0;
  let remove = 0;
  for (const key of currentSet) {
    if (ackedSet.has(key)) continue;
    if (failedSet.has(key)) retry += 1;
    else add += 1;
  }
  for (const key of ackedSet) if (!currentSet.has(key)) remove += 1;
  return { add, remove, retry };
}

async function main(): Promise<void> {
  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL });
  try {
    const org = await createTestOrg(database, 'Bench org');
    const segment = await insertSegment(database.db, org.orgId, { name: 'Bench segment', sourceType: 'filters', status: 'ready' });
    // Acknowledged: keys 1..N; current: 1% left, 1% joined (keys N+1..), 0.1% failed last time.
    const acked = toMemberSet(Array.from({ length: memberCount }, (_, i) => i + 1));
    const current = toMemberSet(Array.from({ length: memberCount }, (_, i) => (i % 100 === 7 ? memberCount + i + 1 : i + 1)));
    const failed = toMemberSet(Array.from({ length: memberCount / 1000 }, (_, i) => memberCount + i * 100 + 8));
    const sync = await insertAdSync(database.db, org.orgId, {
      segmentId: segment.id, channel: 'meta', adAccountId: '1', adAccountName: 'Bench', status: 'synced', audienceName: 'Bench',
      ackedMembers: packMemberSet(acked), failedMembers: packMemberSet(failed), ackedCount: acked.length,
    });
    const run = await insertAdSyncRun(database.db, org.orgId, { syncId: sync.id, trigger: 'schedule', status: 'running', targetMembers: packMemberSet(current), targetCount: current.length });
    const readMs: number[] = [];
    const diffMs: number[] = [];
    const peerMs: number[] = [];
    let plan = planAudienceSync(acked, current, failed);
    for (let i = 0; i < repeats; i += 1) {
      let started = performance.now();
      const [syncRow] = await database.db.select({ acked: adSyncs.ackedMembers, failed: adSyncs.failedMembers }).from(adSyncs).where(and(eq(adSyncs.orgId, org.orgId), eq(adSyncs.id, sync.id)));
      const [runRow] = await database.db.select({ target: adSyncRuns.targetMembers }).from(adSyncRuns).where(and(eq(adSyncRuns.orgId, org.orgId), eq(adSyncRuns.id, run.id)));
      const fromDb = { acked: unpackMemberSet(syncRow?.acked), failed: unpackMemberSet(syncRow?.failed), current: unpackMemberSet(runRow?.target) };
      readMs.push(performance.now() - started);
      started = performance.now();
      plan = planAudienceSync(fromDb.acked, fromDb.current, fromDb.failed);
      diffMs.push(performance.now() - started);
      started = performance.now();
      const peer = planWithSets(fromDb.acked, fromDb.current, fromDb.failed);
      peerMs.push(performance.now() - started);
      if (peer.add !== plan.add.length || peer.remove !== plan.remove.length || peer.retry !== plan.retry.length) throw new Error('the Set peer planned something else');
    }
    const totals = readMs.map((ms, i) => ms + (diffMs[i] ?? 0));
    const batches = Object.fromEntries(
      AD_CHANNEL_IDS.map((channel) => {
        const connector = adChannelConnectors[channel];
        const whole = toMemberSet(Array.from({ length: 1_000_000 }, (_, i) => i + 1));
        return [channel, { perRequest: connector.maxMembersPerRequest, requestsFor1MAdds: chunkMemberSet(whole, connector.maxMembersPerRequest).length }];
      }),
    );
    console.log(
      JSON.stringify(
        {
          database: database.kind,
          members: memberCount,
          plan: { add: plan.add.length, remove: plan.remove.length, retry: plan.retry.length },
          medianMs: { readBothFromDb: Math.round(median(readMs) * 10) / 10, merge: Math.round(median(diffMs) * 10) / 10, peerMergeWithSets: Math.round(median(peerMs) * 10) / 10, total: Math.round(median(totals) * 10) / 10 },
          bytesPerSet: acked.length * 4,
          batches,
          rssMb: Math.round(process.memoryUsage().rss / 1e6),
        },
        null,
        2,
      ),
    );
  } finally {
    await database.close();
  }
}

void main();
