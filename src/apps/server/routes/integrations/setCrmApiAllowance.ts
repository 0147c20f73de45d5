import { setCrmApiAllowance as contract } from '../../../../contracts/integrations';
import { setCrmApiAllowance } from '../../../../usecases/integrations/setCrmApiAllowance';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'integrations.manage',
  handler: async ({ orgId, actor, params, body, deps }) =>
    setCrmApiAllowance({ orgId, actor, input: { provider: params.provider, dailyApiAllowance: body.dailyApiAllowance } }, deps),
});
