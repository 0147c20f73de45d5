import { deleteSegment as contract } from '../../../../contracts/segments';
import { deleteSegment } from '../../../../usecases/segments/deleteSegment';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'segment.delete',
  handler: async ({ orgId, actor, params, deps }) => deleteSegment({ orgId, actor, input: params }, deps),
});
