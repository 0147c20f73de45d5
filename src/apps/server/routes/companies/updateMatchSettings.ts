import { updateMatchSettings as contract } from '../../../../contracts/companies';
import { updateMatchSettings } from '../../../../usecases/companies/matchSettings';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'companies.manage',
  handler: async ({ orgId, body, deps }) => updateMatchSettings({ orgId, input: body }, deps),
});
