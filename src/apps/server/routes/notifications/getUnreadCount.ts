import { getUnreadCount as contract } from '../../../../contracts/notifications';
import { AppError } from '../../../../domain/appError';
import { countUnreadNotifications } from '../../../../usecases/notifications/countUnreadNotifications';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  isApiKeyAllowed: false,
  handler: async ({ orgId, actor, deps }) => {
    if (!actor.userId) throw new AppError('forbidden', 'The notification centre belongs to a user.');
    return { unreadCount: await countUnreadNotifications({ orgId, userId: actor.userId }, deps) };
  },
});
