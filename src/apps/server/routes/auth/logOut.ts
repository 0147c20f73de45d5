import { logout as contract, SESSION_COOKIE } from '../../../../contracts/auth';
import { logOut } from '../../../../usecases/auth/logOut';
import { defineRoute } from '../../defineRoute';

// A write like any other: it needs the session and its CSRF token, so another site cannot log a user out.
export default defineRoute({
  contract,
  permission: 'view',
  isApiKeyAllowed: false,
  isAllowedBeforePasswordChange: true,
  handler: async ({ orgId, actor, deps, sessionTokenHash, reply }) => {
    await logOut({ orgId, actor, input: { sessionTokenHash } }, deps);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { isLoggedOut: true as const };
  },
});
