import { listSavedReports as contract } from '../../../../contracts/publishing';
import { listSavedReports } from '../../../../usecases/publishing/listSavedReports';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  handler: async ({ orgId, actor, deps }) => listSavedReports({ orgId, actor }, deps),
});
