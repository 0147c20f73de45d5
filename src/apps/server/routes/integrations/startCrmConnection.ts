import { startCrmConnection as contract } from '../../../../contracts/integrations';
import { startCrmConnection } from '../../../../usecases/integrations/startCrmConnection';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'integrations.manage',
  isApiKeyAllowed: false,
  handler: async ({ orgId, actor, params, body, deps }) => startCrmConnection({ orgId, actor, input: { ...body, provider: params.provider } }, deps),
});
