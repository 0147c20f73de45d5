import { disconnectMap as contract } from '../../../../contracts/mapIntegrations';
import { disconnectMap } from '../../../../usecases/mapIntegrations/disconnectMap';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'integrations.manage',
  isApiKeyAllowed: false,
  handler: async ({ orgId, actor, params, deps }) => disconnectMap({ orgId, actor, input: { provider: params.provider } }, deps),
});
