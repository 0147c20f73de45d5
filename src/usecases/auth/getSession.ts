import type { SessionResponse } from '../../contracts/auth';
import { findUser } from '../../adapters/db/repositories/users';
import { AppError } from '../../domain/appError';
import type { Actor } from '../../domain/permissions/policy';
import type { UseCaseDeps } from '../deps';
import { toSessionResponse } from './sessionResponse';

/** The logged-in user of a session, its CSRF token and permissions. */
export async function getSession(
  { orgId, actor, input }: { orgId: string; actor: Actor; input: { csrfToken: string | undefined } },
  deps: Pick<UseCaseDeps, 'db' | 'config'>,
): Promise<SessionResponse> {
  const user = actor.userId ? await findUser(deps.db, orgId, actor.userId) : undefined;
  if (!user || input.csrfToken === undefined) throw new AppError('unauthenticated', 'You are not logged in.');
  return toSessionResponse(user, input.csrfToken, deps.config.isSandbox);
}
