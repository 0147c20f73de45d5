import { duplicateSegment as contract } from '../../../../contracts/segments';
import { duplicateSegment } from '../../../../usecases/segments/duplicateSegment';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'segment.create',
  handler: async ({ orgId, actor, params, body, deps }) => ({ segment: await duplicateSegment({ orgId, actor, input: { segmentId: params.segmentId, name: body.name } }, deps) }),
});
