import { refreshSegmentNow as contract } from '../../../../contracts/segments';
import { requestSegmentRefresh } from '../../../../usecases/segments/requestSegmentRefresh';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'segment.edit',
  handler: async ({ orgId, actor, params, deps }) => requestSegmentRefresh({ orgId, actor, input: params }, deps),
});
