import { randomToken, sha256Hex } from '../../adapters/crypto-auth/passwords';
import { insertApiKey } from '../../adapters/db/repositories/apiKeys';
import { AppError } from '../../domain/appError';
import { canAssignRole, type Actor } from '../../domain/permissions/policy';
import { ROLE_LABELS, type Role } from '../../domain/permissions/roles';
import type { UseCaseDeps } from '../deps';
import { API_KEY_PREFIX } from '../auth/resolveCaller';
import { toApiKeySummary } from './apiKeyViews';

/** The secret is returned once; only its sha256 is stored. */
export async function createApiKey(
  { orgId, actor, input }: { orgId: string; actor: Actor; input: { name: string; role: Role } },
  deps: Pick<UseCaseDeps, 'db'>,
) {
  if (!canAssignRole(actor, input.role)) {
    throw new AppError('forbidden', `Your role may not create a key with the ${ROLE_LABELS[input.role]} role.`);
  }
  const secret = `${API_KEY_PREFIX}${randomToken(30)}`;
  const row = await insertApiKey(deps.db, orgId, {
    name: input.name,
    prefix: secret.slice(0, API_KEY_PREFIX.length + 6),
    keyHash: sha256Hex(secret),
    role: input.role,
    createdBy: actor.userId,
  });
  return { apiKey: toApiKeySummary(row), secret };
}
