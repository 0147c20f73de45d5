import { listMapConnections as contract } from '../../../../contracts/mapIntegrations';
import { listMapConnections } from '../../../../usecases/mapIntegrations/listMapConnections';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  isApiKeyAllowed: false,
  handler: async ({ orgId, actor, deps }) => listMapConnections({ orgId, actor }, deps),
});
