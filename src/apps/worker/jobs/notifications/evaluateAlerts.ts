import { z } from 'zod';
import { evaluateAlerts } from '../../../../usecases/notifications/evaluateAlerts';
import { defineJob } from '../../defineJob';

export const EVALUATE_ALERTS_JOB = 'notifications.evaluate';

/** One org's alert conditions: starts and ends them (each alert is sent once per start). */
export default defineJob({
  name: EVALUATE_ALERTS_JOB as 'notifications.evaluate',
  payload: z.object({ orgId: z.string().uuid() }),
  retryLimit: 2,
  retryDelaySeconds: 60,
  retryBackoff: true,
  expireInSeconds: 600,
  isPerOrg: true,
  handler: async (payload, deps) => {
    await evaluateAlerts({ orgId: payload.orgId }, deps);
  },
});
