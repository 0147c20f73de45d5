import { createSavedReport as contract } from '../../../../contracts/publishing';
import { createSavedReport } from '../../../../usecases/publishing/createSavedReport';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'segment.edit',
  handler: async ({ orgId, actor, body, deps }) => createSavedReport({ orgId, actor, input: body }, deps),
});
