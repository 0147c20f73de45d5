import { bulkAcceptMatches as contract } from '../../../../contracts/segmentInsights';
import { bulkAcceptMatches } from '../../../../usecases/segments/bulkAcceptMatches';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'segment.edit',
  handler: async ({ orgId, actor, params, body, deps }) => bulkAcceptMatches({ orgId, actor, input: { ...body, segmentId: params.segmentId } }, deps),
});
