import { listEnrichmentRuns as contract } from '../../../../contracts/enrichment';
import { listEnrichmentRuns } from '../../../../usecases/publishing/enrichment/listEnrichmentRuns';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  handler: async ({ orgId, actor, params, query, deps }) => listEnrichmentRuns({ orgId, actor, input: { orchestrationId: params.orchestrationId, ...query } }, deps),
});
