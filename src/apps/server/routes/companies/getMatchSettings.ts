import { getMatchSettings as contract } from '../../../../contracts/companies';
import { getMatchSettings } from '../../../../usecases/companies/matchSettings';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  handler: async ({ orgId, deps }) => getMatchSettings({ orgId }, deps),
});
