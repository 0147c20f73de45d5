import { listUsers as contract } from '../../../../contracts/users';
import { listUsers } from '../../../../usecases/users/listUsers';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  handler: async ({ orgId, deps }) => listUsers({ orgId }, deps),
});
