import { listUnmatchedRows as contract } from '../../../../contracts/segmentInsights';
import { listUnmatchedRows } from '../../../../usecases/segments/listUnmatchedRows';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  handler: async ({ orgId, actor, params, query, deps }) => listUnmatchedRows({ orgId, actor, input: { ...query, segmentId: params.segmentId } }, deps),
});
