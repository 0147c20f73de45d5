import { startMapConnection as contract } from '../../../../contracts/mapIntegrations';
import { startMapConnection } from '../../../../usecases/mapIntegrations/startMapConnection';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'integrations.manage',
  isApiKeyAllowed: false,
  handler: async ({ orgId, actor, params, body, deps }) => startMapConnection({ orgId, actor, input: { ...body, provider: params.provider } }, deps),
});
