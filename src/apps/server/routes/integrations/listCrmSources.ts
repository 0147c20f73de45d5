import { listCrmSources as contract } from '../../../../contracts/integrations';
import { listCrmSources } from '../../../../usecases/integrations/listCrmSources';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  handler: async ({ orgId, actor, params, deps }) => listCrmSources({ orgId, actor, input: { provider: params.provider } }, deps),
});
