import { getAccountDetails as contract } from '../../../../contracts/accounts';
import { getAccountDetails } from '../../../../usecases/segments/getAccountDetails';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  handler: async ({ orgId, actor, params, deps }) => getAccountDetails({ orgId, actor, input: params }, deps),
});
