import { createApiKey as contract } from '../../../../contracts/users';
import { createApiKey } from '../../../../usecases/apiKeys/createApiKey';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'apiKeys.manage',
  isApiKeyAllowed: false,
  handler: async ({ orgId, actor, body, deps }) => createApiKey({ orgId, actor, input: body }, deps),
});
