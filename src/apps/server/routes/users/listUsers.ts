import { listUsers as contract } from '../../../../contracts/users';
import { listUsers } from '../../../../adapters/db/repositories/users';
import { toUserSummary } from '../../../../usecases/users/toUserSummary';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  handler: async ({ orgId, deps }) => ({ items: (await listUsers(deps.db, orgId)).map(toUserSummary) }),
});
