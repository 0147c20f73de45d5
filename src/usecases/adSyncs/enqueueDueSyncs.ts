import { listDueAdSyncs } from '../../adapters/db/repositories/adSyncs';
import { AD_SYNC_RUN_JOB, type AdSyncDeps } from './adSyncDeps';

/**
 * Runs follow each segment refresh and a daily schedule: every sync whose segment refreshed since its last run (a
 * failed refresh does not move last_refreshed_at, so those syncs stay on the last good state), or whose daily run
 * is due. Failed and inactive syncs wait for someone to toggle them on. One job per sync at a time.
 */
export async function enqueueDueSyncs(deps: AdSyncDeps & { jobs: NonNullable<AdSyncDeps['jobs']> }): Promise<{ enqueuedCount: number }> {
  const due = await listDueAdSyncs(deps.db, deps.clock.now());
  for (const sync of due) {
    await deps.jobs.enqueue(AD_SYNC_RUN_JOB, { orgId: sync.orgId, syncId: sync.syncId, trigger: sync.reason }, { singletonKey: `adsync:${sync.syncId}` });
  }
  return { enqueuedCount: due.length };
}
