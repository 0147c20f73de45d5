import { listApiKeys as contract } from '../../../../contracts/users';
import { listApiKeys } from '../../../../usecases/apiKeys/listApiKeys';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'apiKeys.manage',
  handler: async ({ orgId, deps }) => listApiKeys({ orgId }, deps),
});
