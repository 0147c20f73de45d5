import { z } from 'zod';
import { refreshSegment } from '../../../../usecases/segments/refreshSegment';
import { REFRESH_SEGMENT_JOB } from '../../../../usecases/segments/requestSegmentRefresh';
import { defineJob } from '../../defineJob';

/**
 * Refreshes one segment (daily, or "Refresh now"). Idempotent: a segment already refreshing or deleted is left
 * alone. A source breaking a rule keeps the last good membership (no retry: tomorrow's run tries again); a transient
 * provider failure throws TransientRefreshError and pg-boss retries with backoff.
 */
export default defineJob({
  name: REFRESH_SEGMENT_JOB,
  payload: z.object({ orgId: z.string().uuid(), segmentId: z.string().uuid(), trigger: z.enum(['schedule', 'manual']).default('schedule') }),
  retryLimit: 3,
  // 15-30 s, 30-60 s, 60-120 s: a worker that died is replaced quickly; the run resumes from its checkpoint.
  retryDelaySeconds: 15,
  retryBackoff: true,
  // A 2,000-row report or a 25,000-account list with matching fits well within this.
  expireInSeconds: 900,
  heartbeatSeconds: 15,
  isPerOrg: true,
  handler: async (payload, deps, job) => {
    const outcome = await refreshSegment({ orgId: payload.orgId, segmentId: payload.segmentId, trigger: payload.trigger, ...(job ? { claimKey: job.id } : {}) }, deps);
    deps.logger.info({ orgId: payload.orgId, segmentId: payload.segmentId, outcome: outcome.kind }, 'segment refresh');
  },
});
