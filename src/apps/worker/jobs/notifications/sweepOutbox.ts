import { z } from 'zod';
import { announceCompletedSyncs } from '../../../../usecases/notifications/announceCompletedSyncs';
import { deliverNotifications } from '../../../../usecases/notifications/deliverNotifications';
import { defineJob } from '../../defineJob';

/**
 * Every minute: announces the delayed daily syncs that have completed since (so "completed" follows the sync within
 * a minute, not at the next hourly evaluation), then sends outbox rows that are due (retries after backoff, rows
 * written in a caller's transaction).
 */
export default defineJob({
  name: 'notifications.sweep',
  payload: z.object({}),
  retryLimit: 0,
  retryDelaySeconds: 60,
  retryBackoff: false,
  expireInSeconds: 600,
  isPerOrg: false,
  handler: async (_payload, deps) => {
    const announced = await announceCompletedSyncs(deps);
    if (announced > 0) deps.logger.info({ announced }, 'delayed daily syncs announced as completed');
    const summary = await deliverNotifications('all', deps);
    if (summary.sent + summary.bounced + summary.retrying + summary.failed > 0) deps.logger.info(summary, 'notification outbox swept');
  },
});
