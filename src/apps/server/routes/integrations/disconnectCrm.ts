import { disconnectCrm as contract } from '../../../../contracts/integrations';
import { disconnectCrm } from '../../../../usecases/integrations/disconnectCrm';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'integrations.manage',
  isApiKeyAllowed: false,
  handler: async ({ orgId, actor, params, deps }) => disconnectCrm({ orgId, actor, input: { provider: params.provider } }, deps),
});
