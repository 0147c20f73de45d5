import { listTargetFields as contract } from '../../../../contracts/enrichment';
import { listTargetFields } from '../../../../usecases/publishing/enrichment/listTargetFields';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  handler: async ({ orgId, actor, params, query, deps }) => listTargetFields({ orgId, actor, input: { system: params.system, object: query.object } }, deps),
});
