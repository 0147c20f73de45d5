import { revokeApiKey as contract } from '../../../../contracts/users';
import { revokeApiKeyRow } from '../../../../adapters/db/repositories/apiKeys';
import { notFound } from '../../../../domain/appError';
import { toApiKeySummary } from '../../../../usecases/apiKeys/apiKeyViews';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'apiKeys.manage',
  isApiKeyAllowed: false,
  handler: async ({ orgId, params, deps }) => {
    const row = await revokeApiKeyRow(deps.db, orgId, params.apiKeyId, deps.clock.now());
    if (!row) throw notFound('API key');
    return { apiKey: toApiKeySummary(row) };
  },
});
