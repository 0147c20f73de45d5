import { searchAccounts as contract } from '../../../../contracts/accounts';
import { searchAccounts } from '../../../../usecases/segments/searchAccounts';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  handler: async ({ orgId, actor, query, deps }) => searchAccounts({ orgId, actor, input: query }, deps),
});
