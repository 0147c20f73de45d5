import { startEnrichmentRun as contract } from '../../../../contracts/enrichment';
import { startEnrichmentRun } from '../../../../usecases/publishing/enrichment/startEnrichmentRun';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'segment.publish',
  handler: async ({ orgId, actor, params, body, deps }) => startEnrichmentRun({ orgId, actor, input: { orchestrationId: params.orchestrationId, isDryRun: body.isDryRun, trigger: 'manual' } }, deps),
});
