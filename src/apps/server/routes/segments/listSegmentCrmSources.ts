import { listSegmentCrmSources as contract } from '../../../../contracts/segments';
import { listSegmentCrmSources } from '../../../../usecases/segments/listSegmentCrmSources';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  handler: async ({ orgId, actor, params, deps }) => listSegmentCrmSources({ orgId, actor, input: params }, deps),
});
