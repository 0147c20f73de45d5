import { logout, SESSION_COOKIE } from '../../../../contracts/auth';
import { deleteSession } from '../../../../adapters/db/repositories/sessions';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract: logout,
  permission: 'public',
  handler: async ({ actor, deps, reply, sessionTokenHash }) => {
    if (actor && sessionTokenHash) await deleteSession(deps.db, actor.orgId, sessionTokenHash);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { isLoggedOut: true as const };
  },
});
