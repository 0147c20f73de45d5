import { getSegmentConfirmation as contract } from '../../../../contracts/segments';
import { getSegmentConfirmation } from '../../../../usecases/segments/getSegmentConfirmation';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  handler: async ({ orgId, actor, params, query, deps }) => getSegmentConfirmation({ orgId, actor, input: { ...query, segmentId: params.segmentId } }, deps),
});
