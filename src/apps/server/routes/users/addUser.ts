import { addUser as contract } from '../../../../contracts/users';
import { addUser } from '../../../../usecases/users/addUser';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'users.manage',
  handler: async ({ orgId, actor, body, deps }) => addUser({ orgId, actor, input: body }, deps),
});
