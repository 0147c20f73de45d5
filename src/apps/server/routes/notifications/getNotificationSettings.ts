import { getNotificationSettings as contract } from '../../../../contracts/notifications';
import { getNotificationSettings } from '../../../../usecases/notifications/getNotificationSettings';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  handler: async ({ orgId, actor, deps }) => getNotificationSettings({ orgId, actor }, deps),
});
