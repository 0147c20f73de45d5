import { z } from 'zod';
import { deliverNotifications } from '../../../../usecases/notifications/deliverNotifications';
import { defineJob } from '../../defineJob';

/** Every minute: sends outbox rows that are due (retries after backoff, rows written in a caller's transaction). */
export default defineJob({
  name: 'notifications.sweep',
  payload: z.object({}),
  retryLimit: 0,
  retryDelaySeconds: 60,
  retryBackoff: false,
  expireInSeconds: 600,
  isPerOrg: false,
  handler: async (_payload, deps) => {
    const summary = await deliverNotifications('all', deps);
    if (summary.sent + summary.bounced + summary.retrying + summary.failed > 0) deps.logger.info(summary, 'notification outbox swept');
  },
});
