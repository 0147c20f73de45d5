import { listRefreshChanges as contract } from '../../../../contracts/segments';
import { listRefreshChanges } from '../../../../usecases/segments/listSegmentRefreshes';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  handler: async ({ orgId, actor, params, query, deps }) => listRefreshChanges({ orgId, actor, input: { ...params, ...query } }, deps),
});
