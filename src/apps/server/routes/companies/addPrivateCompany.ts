import { addPrivateCompany as contract } from '../../../../contracts/companies';
import { addPrivateCompany } from '../../../../usecases/companies/addPrivateCompany';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'companies.manage',
  handler: async ({ orgId, body, deps }) => addPrivateCompany({ orgId, input: body }, deps),
});
