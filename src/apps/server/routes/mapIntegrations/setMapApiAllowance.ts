import { setMapApiAllowance as contract } from '../../../../contracts/mapIntegrations';
import { setMapApiAllowance } from '../../../../usecases/mapIntegrations/setMapApiAllowance';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'integrations.manage',
  isApiKeyAllowed: false,
  handler: async ({ orgId, actor, params, body, deps }) => setMapApiAllowance({ orgId, actor, input: { provider: params.provider, dailyApiAllowance: body.dailyApiAllowance } }, deps),
});
