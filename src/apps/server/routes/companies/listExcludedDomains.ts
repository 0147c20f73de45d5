import { listExcludedDomains as contract } from '../../../../contracts/companies';
import { listExcludedDomains } from '../../../../usecases/companies/listExcludedDomains';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  handler: async ({ orgId, deps }) => listExcludedDomains({ orgId }, deps),
});
