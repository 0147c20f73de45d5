import { z } from 'zod';
import { AD_SYNC_RUN_JOB } from '../../../../usecases/adSyncs/adSyncDeps';
import { runAdSync } from '../../../../usecases/adSyncs/runAdSync';
import { defineJob } from '../../defineJob';

/**
 * One sync run. Idempotent: an inactive or failed sync is left alone; an open run resumes from its journal (a crash
 * or an expired job re-sends only what was not acknowledged). Rate limits reschedule the job instead of failing it.
 */
export default defineJob({
  name: AD_SYNC_RUN_JOB,
  payload: z.object({ orgId: z.string().uuid(), syncId: z.string().uuid(), trigger: z.enum(['create', 'toggle_on', 'segment_refresh', 'schedule', 'manual']).default('schedule') }),
  retryLimit: 5,
  // A worker that died is replaced within a minute (heartbeat); the run resumes from its journal.
  retryDelaySeconds: 15,
  retryBackoff: true,
  expireInSeconds: 6 * 3_600,
  heartbeatSeconds: 15,
  isPerOrg: true,
  handler: async (payload, deps) => {
    const outcome = await runAdSync(payload, deps);
    deps.logger.info({ orgId: payload.orgId, syncId: payload.syncId, outcome: outcome.kind }, 'ad sync run');
  },
});
