import { updateSegment } from '../../adapters/db/segments/segmentsRepo';
import type { Actor } from '../../domain/permissions/policy';
import { requireSegment } from './getSegment';
import { assertSegmentPermission, type SegmentDeps } from './segmentDeps';

export const REFRESH_SEGMENT_JOB = 'segments.refresh';

/** "Refresh now": queues one refresh job per segment (a second click while one is queued does nothing). */
export async function requestSegmentRefresh({ orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { segmentId: string } }, deps: SegmentDeps) {
  assertSegmentPermission(actor, 'segment.edit', orgId);
  const segment = await requireSegment(orgId, input.segmentId, deps);
  // Shown as "Refresh queued" until a worker claims the refresh (claimSegmentForRefresh clears it).
  await updateSegment(deps.db, orgId, segment.id, { refreshQueuedAt: deps.clock.now() });
  const jobId = await deps.jobs.enqueue(REFRESH_SEGMENT_JOB, { orgId, segmentId: segment.id, trigger: 'manual' }, { singletonKey: `segment:${segment.id}` });
  return { isQueued: true, jobId };
}
