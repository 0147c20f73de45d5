import { resetUserPassword as contract } from '../../../../contracts/users';
import { resetUserPassword } from '../../../../usecases/users/resetUserPassword';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'users.manage',
  handler: async ({ orgId, actor, params, deps }) => resetUserPassword({ orgId, actor, input: { userId: params.userId } }, deps),
});
