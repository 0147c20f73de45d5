import type { SessionResponse } from '../../contracts/auth';
import { hashPassword, randomToken, sha256Hex, verifyPassword } from '../../adapters/crypto-auth/passwords';
import { findUserByEmailForLogin, updateUserRow } from '../../adapters/db/repositories/users';
import { insertSession } from '../../adapters/db/repositories/sessions';
import { AppError } from '../../domain/appError';
import type { UseCaseDeps } from '../deps';
import { toSessionResponse } from './sessionResponse';

export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

// Verifying against a fixed hash when the e-mail is unknown keeps the response time from telling which e-mails exist.
let decoyHash: Promise<string> | undefined;

export async function logIn(
  { input }: { input: { email: string; password: string } },
  deps: Pick<UseCaseDeps, 'db' | 'clock' | 'config'>,
): Promise<{ sessionToken: string; expiresAt: Date; session: SessionResponse }> {
  const user = await findUserByEmailForLogin(deps.db, input.email);
  decoyHash ??= hashPassword('decoy-password-for-unknown-users');
  const isValid = await verifyPassword(input.password, user?.passwordHash ?? (await decoyHash));
  if (!user || !isValid || !user.passwordHash) {
    throw new AppError('invalid_credentials', 'The e-mail or password is incorrect.');
  }
  if (!user.isActive) {
    throw new AppError('invalid_credentials', 'This user has been deactivated. Ask an administrator of your organisation to reactivate it.');
  }
  const now = deps.clock.now();
  const sessionToken = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await insertSession(deps.db, user.orgId, { tokenHash: sha256Hex(sessionToken), userId: user.id, csrfToken, expiresAt });
  await updateUserRow(deps.db, user.orgId, user.id, { lastLoginAt: now });
  return { sessionToken, expiresAt, session: toSessionResponse(user, csrfToken, deps.config.isSandbox) };
}
