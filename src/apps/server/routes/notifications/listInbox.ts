import { listInbox as contract } from '../../../../contracts/notifications';
import { AppError } from '../../../../domain/appError';
import { listInbox } from '../../../../usecases/notifications/listInbox';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  isApiKeyAllowed: false,
  handler: async ({ orgId, actor, query, deps }) => {
    if (!actor.userId) throw new AppError('forbidden', 'The notification centre belongs to a user.');
    return listInbox({ orgId, userId: actor.userId, page: query.page, pageSize: query.pageSize }, deps);
  },
});
