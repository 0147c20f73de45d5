import { z } from 'zod';
import { deliverNotifications } from '../../../../usecases/notifications/deliverNotifications';
import { DELIVER_JOB } from '../../../../usecases/notifications/raiseNotification';
import { defineJob } from '../../defineJob';

/** Sends one event's e-mails; temporary failures are rescheduled in the outbox (the minute sweep retries them). */
export default defineJob({
  name: DELIVER_JOB as 'notifications.deliver',
  payload: z.object({ orgId: z.string().uuid(), eventId: z.string().uuid() }),
  retryLimit: 0,
  retryDelaySeconds: 60,
  retryBackoff: false,
  expireInSeconds: 600,
  isPerOrg: true,
  handler: async (payload, deps) => {
    const summary = await deliverNotifications({ orgId: payload.orgId, eventId: payload.eventId }, deps);
    deps.logger.info({ orgId: payload.orgId, eventId: payload.eventId, ...summary }, 'notification delivered');
  },
});
