import { changePassword as contract } from '../../../../contracts/auth';
import { changePassword } from '../../../../usecases/auth/changePassword';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  isApiKeyAllowed: false,
  isAllowedBeforePasswordChange: true,
  handler: async ({ orgId, actor, body, deps, sessionTokenHash }) => {
    await changePassword({ orgId, actor, input: { ...body, currentSessionTokenHash: sessionTokenHash } }, deps);
    return { isChanged: true as const };
  },
});
