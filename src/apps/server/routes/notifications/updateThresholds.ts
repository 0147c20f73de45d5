import { updateThresholds as contract } from '../../../../contracts/notifications';
import { updateThresholds } from '../../../../usecases/notifications/updateThresholds';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'notifications.manage',
  handler: async ({ orgId, actor, body, deps }) => updateThresholds({ orgId, actor, input: body }, deps),
});
