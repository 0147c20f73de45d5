import { createOrchestration as contract } from '../../../../contracts/enrichment';
import { createOrchestration } from '../../../../usecases/publishing/enrichment/createOrchestration';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'segment.publish',
  handler: async ({ orgId, actor, body, deps }) => createOrchestration({ orgId, actor, input: body }, deps),
});
