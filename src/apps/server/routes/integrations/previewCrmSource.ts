import { previewCrmSource as contract } from '../../../../contracts/integrations';
import { previewCrmSource } from '../../../../usecases/integrations/previewCrmSource';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  handler: async ({ orgId, actor, params, query, deps }) =>
    previewCrmSource({ orgId, actor, input: { provider: params.provider, kind: params.kind, sourceId: params.sourceId, limit: query.limit } }, deps),
});
