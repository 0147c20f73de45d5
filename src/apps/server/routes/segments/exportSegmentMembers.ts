import { exportSegmentMembers as contract } from '../../../../contracts/segments';
import { exportSegmentMembers } from '../../../../usecases/segments/exportSegmentMembers';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  handler: async ({ orgId, actor, params, deps }) => exportSegmentMembers({ orgId, actor, input: params }, deps),
});
