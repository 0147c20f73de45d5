import { removeExcludedDomain as contract } from '../../../../contracts/companies';
import { removeExcludedDomain } from '../../../../usecases/companies/removeExcludedDomain';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'companies.manage',
  handler: async ({ orgId, params, deps }) => removeExcludedDomain({ orgId, input: { domain: params.domain } }, deps),
});
