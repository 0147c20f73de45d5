import { publishSegment as contract } from '../../../../contracts/publishing';
import { publishSegment } from '../../../../usecases/publishing/publishSegment';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'segment.publish',
  handler: async ({ orgId, actor, params, body, deps }) => publishSegment({ orgId, actor, input: { segmentId: params.segmentId, uses: body.uses } }, deps),
});
