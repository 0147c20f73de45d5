import { listCrmConnections as contract } from '../../../../contracts/integrations';
import { listCrmConnections } from '../../../../usecases/integrations/listCrmConnections';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  handler: async ({ orgId, actor, deps }) => listCrmConnections({ orgId, actor }, deps),
});
