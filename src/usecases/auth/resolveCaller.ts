import { sha256Hex } from '../../adapters/crypto-auth/passwords';
import { findActiveApiKeyByHash, touchApiKey } from '../../adapters/db/repositories/apiKeys';
import { findLiveSession } from '../../adapters/db/repositories/sessions';
import { findUser } from '../../adapters/db/repositories/users';
import type { Actor } from '../../domain/permissions/policy';
import { isRole } from '../../domain/permissions/roles';
import type { UseCaseDeps } from '../deps';

export const API_KEY_PREFIX = 'oabm_';

export interface Caller {
  actor: Actor;
  /** Session callers only: the token the client must echo on writes. */
  csrfToken: string | undefined;
  sessionTokenHash: string | undefined;
  /** A user logged in with a one-time password: every call but changing it is refused until it is changed. */
  mustChangePassword: boolean;
}

/** Who is calling: an API key (Authorization: Bearer oabm_…) or a session cookie. Undefined when neither is valid. */
export async function resolveCaller(
  credentials: { bearerToken: string | undefined; sessionToken: string | undefined },
  deps: Pick<UseCaseDeps, 'db' | 'clock'>,
): Promise<Caller | undefined> {
  const now = deps.clock.now();
  if (credentials.bearerToken?.startsWith(API_KEY_PREFIX)) {
    const key = await findActiveApiKeyByHash(deps.db, sha256Hex(credentials.bearerToken));
    if (!key || !isRole(key.role)) return undefined;
    // Last-used is informative; a failed update must not fail the request.
    await touchApiKey(deps.db, key.orgId, key.id, now).catch(() => undefined);
    return { actor: { kind: 'apiKey', orgId: key.orgId, userId: undefined, role: key.role, apiKeyId: key.id }, csrfToken: undefined, sessionTokenHash: undefined, mustChangePassword: false };
  }
  if (credentials.sessionToken) {
    const tokenHash = sha256Hex(credentials.sessionToken);
    const session = await findLiveSession(deps.db, tokenHash, now);
    if (!session) return undefined;
    const user = await findUser(deps.db, session.orgId, session.userId);
    if (!user || !user.isActive || !isRole(user.role)) return undefined;
    return {
      actor: { kind: 'user', orgId: user.orgId, userId: user.id, role: user.role },
      csrfToken: session.csrfToken,
      sessionTokenHash: tokenHash,
      mustChangePassword: user.mustChangePassword,
    };
  }
  return undefined;
}
