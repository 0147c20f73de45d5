import { handlePrivacyRequest as contract } from '../../../../contracts/webTag';
import { handlePrivacyRequest } from '../../../../usecases/privacy/handlePrivacyRequest';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'notifications.manage',
  handler: async ({ orgId, actor, params, deps }) => handlePrivacyRequest({ orgId, actor, requestId: params.requestId }, deps),
});
