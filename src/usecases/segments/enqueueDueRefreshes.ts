import { listDueSegments } from '../../adapters/db/segments/segmentsRepo';
import { REFRESH_SEGMENT_JOB } from './requestSegmentRefresh';
import type { SegmentDeps } from './segmentDeps';

/**
 * The daily cron: one refresh job per due segment (singleton per segment, so a slow day does not stack them). The
 * queue groups jobs per organisation, so one org's 1,000 segments do not starve others and several workers share them.
 */
export async function enqueueDueRefreshes(deps: SegmentDeps, limit = 10_000): Promise<{ enqueued: number }> {
  const due = await listDueSegments(deps.db, deps.clock.now(), limit);
  for (const { orgId, segmentId } of due) {
    await deps.jobs.enqueue(REFRESH_SEGMENT_JOB, { orgId, segmentId, trigger: 'schedule' }, { singletonKey: `segment:${segmentId}` });
  }
  return { enqueued: due.length };
}
