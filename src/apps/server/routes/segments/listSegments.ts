import { listSegments as contract } from '../../../../contracts/segments';
import { listSegments } from '../../../../usecases/segments/listSegments';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  handler: async ({ orgId, actor, query, deps }) => listSegments({ orgId, actor, input: query }, deps),
});
