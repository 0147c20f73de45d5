import { getSegment as contract } from '../../../../contracts/segments';
import { getSegment } from '../../../../usecases/segments/getSegment';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  handler: async ({ orgId, actor, params, deps }) => ({ segment: await getSegment({ orgId, actor, input: params }, deps) }),
});
