import { listPrivacyRequests as contract } from '../../../../contracts/webTag';
import { listPrivacyRequests } from '../../../../usecases/privacy/listPrivacyRequests';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'notifications.manage',
  handler: async ({ orgId, actor, deps }) => listPrivacyRequests({ orgId, actor }, deps),
});
