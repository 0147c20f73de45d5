import { upsertAdSyncRejections, updateAdSync, type AdSyncRow } from '../../adapters/db/repositories/adSyncs';
import { insertAdSyncBatches, insertAdSyncRun, type AdSyncRunRow } from '../../adapters/db/repositories/adSyncRuns';
import { findSegment } from '../../adapters/db/segments/segmentsRepo';
import type { AdChannelId } from '../../domain/sync/channels';
import { chunkMemberSet, packMemberSet, union, unpackMemberSet } from '../../domain/sync/memberSet';
import { planAudienceSync } from '../../domain/sync/plan';
import { buildAudienceTarget } from './buildAudienceTarget';
import { channelConnector, type AdSyncDeps } from './adSyncDeps';

export type AdSyncTrigger = 'create' | 'toggle_on' | 'segment_refresh' | 'schedule' | 'manual';

/**
 * Plans one run and writes its journal in one transaction: the target (the segment's sendable members), the diff
 * against what the channel acknowledged, and every batch at the channel's limits (adds, then removals in smaller
 * chunks; never both in one batch). A crash after this point resumes from the journal.
 */
export async function planAdSyncRun(sync: AdSyncRow, trigger: AdSyncTrigger, deps: AdSyncDeps): Promise<AdSyncRunRow> {
  const channel = sync.channel as AdChannelId;
  const connector = channelConnector(channel, deps);
  const segment = await findSegment(deps.db, sync.orgId, sync.segmentId);
  const target = await buildAudienceTarget(sync.orgId, sync.segmentId, channel, deps);
  const plan = planAudienceSync(unpackMemberSet(sync.ackedMembers), target.members, unpackMemberSet(sync.failedMembers));
  const sends = chunkMemberSet(union(plan.add, plan.retry), connector.maxMembersPerRequest).map((keys) => ({ operation: 'add' as const, keys }));
  const removals = chunkMemberSet(plan.remove, connector.maxRemovalsPerRequest).map((keys) => ({ operation: 'remove' as const, keys }));
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const run = await insertAdSyncRun(tx, sync.orgId, {
      syncId: sync.id,
      trigger,
      status: 'running',
      targetMembers: packMemberSet(target.members),
      targetCount: target.members.length,
      plannedAdd: plan.add.length,
      plannedRemove: plan.remove.length,
      plannedRetry: plan.retry.length,
      rejectedCount: target.unsendable.length,
      startedAt: now,
    });
    await insertAdSyncBatches(
      tx,
      sync.orgId,
      [...sends, ...removals].map((batch, index) => ({
        runId: run.id,
        seq: index + 1,
        operation: batch.operation,
        memberKeys: packMemberSet(batch.keys),
        memberCount: batch.keys.length,
        status: 'planned',
      })),
    );
    await upsertAdSyncRejections(
      tx,
      sync.orgId,
      target.unsendable.map((member) => ({ syncId: sync.id, memberKey: member.memberKey, runId: run.id, label: member.label, code: 'NOT_SENDABLE', reason: member.reason, createdAt: now })),
    );
    // The run reflects the segment as refreshed now; a later refresh triggers the next run.
    await updateAdSync(tx, sync.orgId, sync.id, { syncedSegmentRefreshAt: segment?.lastRefreshedAt ?? now, updatedAt: now });
    return run;
  });
}
