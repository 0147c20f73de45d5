import { listOrchestrations as contract } from '../../../../contracts/enrichment';
import { listOrchestrations } from '../../../../usecases/publishing/enrichment/listOrchestrations';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  handler: async ({ orgId, actor, deps }) => listOrchestrations({ orgId, actor }, deps),
});
