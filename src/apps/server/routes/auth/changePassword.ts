import { changePassword as contract } from '../../../../contracts/auth';
import { changePassword } from '../../../../usecases/auth/changePassword';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  isApiKeyAllowed: false,
  handler: async ({ orgId, actor, body, deps }) => {
    await changePassword({ orgId, actor, input: body }, deps);
    return { isChanged: true as const };
  },
});
