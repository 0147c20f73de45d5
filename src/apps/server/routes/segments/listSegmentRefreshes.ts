import { listSegmentRefreshes as contract } from '../../../../contracts/segments';
import { listSegmentRefreshes } from '../../../../usecases/segments/listSegmentRefreshes';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  handler: async ({ orgId, actor, params, deps }) => listSegmentRefreshes({ orgId, actor, input: params }, deps),
});
