import { addRecipients as contract } from '../../../../contracts/notifications';
import { addRecipients } from '../../../../usecases/notifications/addRecipients';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'notifications.manage',
  handler: async ({ orgId, actor, body, deps }) => addRecipients({ orgId, actor, input: body }, deps),
});
