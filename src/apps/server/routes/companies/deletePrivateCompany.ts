import { deletePrivateCompany as contract } from '../../../../contracts/companies';
import { deletePrivateCompany } from '../../../../usecases/companies/deletePrivateCompany';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'companies.manage',
  handler: async ({ orgId, params, deps }) => deletePrivateCompany({ orgId, input: { companyId: params.companyId } }, deps),
});
