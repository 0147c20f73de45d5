import { listApiKeys as contract } from '../../../../contracts/users';
import { listApiKeys } from '../../../../adapters/db/repositories/apiKeys';
import { toApiKeySummary } from '../../../../usecases/apiKeys/apiKeyViews';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'apiKeys.manage',
  handler: async ({ orgId, deps }) => ({ items: (await listApiKeys(deps.db, orgId)).map(toApiKeySummary) }),
});
