import { z } from 'zod';
import { listOrgIdsToEvaluate } from '../../../../adapters/db/repositories/notificationSignals';
import { defineJob } from '../../defineJob';
import { EVALUATE_ALERTS_JOB } from './evaluateAlerts';

/** Hourly cron target: one alert evaluation per org. */
export default defineJob({
  name: 'notifications.evaluateAll',
  payload: z.object({}),
  retryLimit: 1,
  retryDelaySeconds: 120,
  retryBackoff: false,
  expireInSeconds: 600,
  isPerOrg: false,
  handler: async (_payload, deps) => {
    for (const orgId of await listOrgIdsToEvaluate(deps.db)) {
      await deps.jobs.enqueue(EVALUATE_ALERTS_JOB, { orgId }, { singletonKey: `notifications-evaluate:${orgId}` });
    }
  },
});
