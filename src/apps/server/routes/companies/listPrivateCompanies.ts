import { listPrivateCompanies as contract } from '../../../../contracts/companies';
import { listPrivateCompanies } from '../../../../usecases/companies/listPrivateCompanies';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  handler: async ({ orgId, query, deps }) => listPrivateCompanies({ orgId, input: query }, deps),
});
