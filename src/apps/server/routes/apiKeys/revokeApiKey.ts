import { revokeApiKey as contract } from '../../../../contracts/users';
import { revokeApiKey } from '../../../../usecases/apiKeys/revokeApiKey';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'apiKeys.manage',
  isApiKeyAllowed: false,
  handler: async ({ orgId, params, deps }) => revokeApiKey({ orgId, input: { apiKeyId: params.apiKeyId } }, deps),
});
