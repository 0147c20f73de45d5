import { startCrmSync as contract } from '../../../../contracts/integrations';
import { requestCrmSync } from '../../../../usecases/integrations/requestCrmSync';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'integrations.manage',
  handler: async ({ orgId, actor, params, deps }) => requestCrmSync({ orgId, actor, input: { provider: params.provider } }, deps),
});
