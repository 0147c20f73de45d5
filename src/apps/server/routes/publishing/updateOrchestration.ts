import { updateOrchestration as contract } from '../../../../contracts/enrichment';
import { updateOrchestration } from '../../../../usecases/publishing/enrichment/updateOrchestration';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'segment.publish',
  handler: async ({ orgId, actor, params, body, deps }) => updateOrchestration({ orgId, actor, input: { orchestrationId: params.orchestrationId, ...body } }, deps),
});
