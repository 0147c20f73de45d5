import { recordPrivacyRequest as contract } from '../../../../contracts/webTag';
import { recordPrivacyRequest } from '../../../../usecases/privacy/recordPrivacyRequest';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'notifications.manage',
  handler: async ({ orgId, actor, body, deps }) => recordPrivacyRequest({ orgId, actor, input: body }, deps),
});
