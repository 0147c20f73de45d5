import { updateUser as contract } from '../../../../contracts/users';
import { updateUser } from '../../../../usecases/users/updateUser';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'users.manage',
  handler: async ({ orgId, actor, params, body, deps }) => ({
    user: await updateUser({ orgId, actor, input: { userId: params.userId, role: body.role, isActive: body.isActive } }, deps),
  }),
});
