import { listSegmentMembers as contract } from '../../../../contracts/segments';
import { listSegmentMembers } from '../../../../usecases/segments/listSegmentMembers';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  handler: async ({ orgId, actor, params, query, deps }) => listSegmentMembers({ orgId, actor, input: { ...query, segmentId: params.segmentId } }, deps),
});
