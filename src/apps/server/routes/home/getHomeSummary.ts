import { getHomeSummary as contract } from '../../../../contracts/home';
import { getHomeSummary } from '../../../../usecases/home/getHomeSummary';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  handler: async ({ orgId, actor, deps }) => getHomeSummary({ orgId, actor }, deps),
});
