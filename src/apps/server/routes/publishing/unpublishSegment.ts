import { unpublishSegment as contract } from '../../../../contracts/publishing';
import { unpublishSegment } from '../../../../usecases/publishing/unpublishSegment';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'segment.publish',
  handler: async ({ orgId, actor, params, deps }) => unpublishSegment({ orgId, actor, input: params }, deps),
});
