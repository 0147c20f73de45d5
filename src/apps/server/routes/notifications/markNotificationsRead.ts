import { markNotificationsRead as contract } from '../../../../contracts/notifications';
import { AppError } from '../../../../domain/appError';
import { markNotificationsRead } from '../../../../usecases/notifications/markNotificationsRead';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  isApiKeyAllowed: false,
  handler: async ({ orgId, actor, body, deps }) => {
    if (!actor.userId) throw new AppError('forbidden', 'The notification centre belongs to a user.');
    return markNotificationsRead({ orgId, userId: actor.userId, eventIds: body.eventIds }, deps);
  },
});
