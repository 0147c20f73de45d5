import { getSession } from '../../../../contracts/auth';
import { findUser } from '../../../../adapters/db/repositories/users';
import { AppError } from '../../../../domain/appError';
import { toSessionResponse } from '../../../../usecases/auth/sessionResponse';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract: getSession,
  permission: 'view',
  isApiKeyAllowed: false,
  handler: async ({ orgId, actor, deps, csrfToken }) => {
    const user = actor.userId ? await findUser(deps.db, orgId, actor.userId) : undefined;
    if (!user || !csrfToken) throw new AppError('unauthenticated', 'You are not logged in.');
    return toSessionResponse(user, csrfToken, deps.config.isSandbox);
  },
});
