import { getSegmentInsights as contract } from '../../../../contracts/segmentInsights';
import { getSegmentInsights } from '../../../../usecases/segments/getSegmentInsights';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  handler: async ({ orgId, actor, params, deps }) => getSegmentInsights({ orgId, actor, input: params }, deps),
});
