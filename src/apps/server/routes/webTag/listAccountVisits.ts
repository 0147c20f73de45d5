import { listAccountVisits as contract } from '../../../../contracts/webTag';
import { listAccountVisits } from '../../../../usecases/webTag/listAccountVisits';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  handler: async ({ orgId, params, deps }) => listAccountVisits({ orgId, companyId: params.companyId }, deps),
});
