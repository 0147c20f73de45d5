import { listAdAccounts as contract } from '../../../../contracts/syncs';
import { listAdAccounts } from '../../../../usecases/adSyncs/listAdAccounts';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  isApiKeyAllowed: false,
  handler: async ({ orgId, actor, params, deps }) => listAdAccounts({ orgId, actor, input: { channel: params.channel } }, deps),
});
