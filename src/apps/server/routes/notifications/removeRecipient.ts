import { removeRecipient as contract } from '../../../../contracts/notifications';
import { removeRecipient } from '../../../../usecases/notifications/removeRecipient';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'notifications.manage',
  handler: async ({ orgId, actor, params, deps }) => removeRecipient({ orgId, actor, recipientId: params.recipientId }, deps),
});
