import { addExcludedDomains as contract } from '../../../../contracts/companies';
import { addExcludedDomains } from '../../../../usecases/companies/addExcludedDomains';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'companies.manage',
  handler: async ({ orgId, body, deps }) => addExcludedDomains({ orgId, input: body }, deps),
});
