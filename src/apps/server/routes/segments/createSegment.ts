import { createSegment as contract } from '../../../../contracts/segments';
import { createSegment } from '../../../../usecases/segments/createSegment';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'segment.create',
  handler: async ({ orgId, actor, body, deps }) => ({ segment: await createSegment({ orgId, actor, input: body }, deps) }),
});
