import { updateSegment as contract } from '../../../../contracts/segments';
import { updateSegment } from '../../../../usecases/segments/updateSegment';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'segment.edit',
  handler: async ({ orgId, actor, params, body, deps }) => ({ segment: await updateSegment({ orgId, actor, input: { ...body, segmentId: params.segmentId } }, deps) }),
});
