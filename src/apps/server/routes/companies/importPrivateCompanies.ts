import { importPrivateCompanies as contract } from '../../../../contracts/companies';
import { importPrivateCompanies } from '../../../../usecases/companies/importPrivateCompanies';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'companies.manage',
  handler: async ({ orgId, body, deps }) => importPrivateCompanies({ orgId, input: body }, deps),
});
