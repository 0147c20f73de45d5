import { deleteSavedReport as contract } from '../../../../contracts/publishing';
import { deleteSavedReport } from '../../../../usecases/publishing/deleteSavedReport';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'segment.edit',
  handler: async ({ orgId, actor, params, deps }) => deleteSavedReport({ orgId, actor, input: params }, deps),
});
