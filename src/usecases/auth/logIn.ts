import type { SessionResponse } from '../../contracts/auth';
import { hashPassword, randomToken, sha256Hex, verifyPassword } from '../../adapters/crypto-auth/passwords';
import { findUserByEmailForLogin, updateUserRow } from '../../adapters/db/repositories/users';
import { insertSession } from '../../adapters/db/repositories/sessions';
import { clearLoginThrottles, findLoginThrottles, saveLoginThrottle } from '../../adapters/db/repositories/loginThrottle';
import { AppError } from '../../domain/appError';
import {
  ACCOUNT_THROTTLE,
  accountThrottleKey,
  ADDRESS_THROTTLE,
  addressThrottleKey,
  afterFailedLogIn,
  describeWait,
  remainingWaitMs,
} from '../../domain/auth/loginThrottle';
import type { UseCaseDeps } from '../deps';
import { toSessionResponse } from './sessionResponse';

export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

// Verifying against a fixed hash when the e-mail is unknown keeps the response time from telling which e-mails exist.
let decoyHash: Promise<string> | undefined;

export async function logIn(
  { input }: { input: { email: string; password: string; clientAddress: string } },
  deps: Pick<UseCaseDeps, 'db' | 'clock' | 'config'>,
): Promise<{ sessionToken: string; expiresAt: Date; session: SessionResponse }> {
  const now = deps.clock.now();
  const accountKey = accountThrottleKey(input.email);
  const addressKey = addressThrottleKey(input.clientAddress);
  // Throttled callers are refused before the password hash is computed: a flood of guesses costs the server nothing.
  const throttles = await findLoginThrottles(deps.db, [accountKey, addressKey]);
  const waitMs = Math.max(remainingWaitMs(throttles.get(accountKey), now), remainingWaitMs(throttles.get(addressKey), now));
  if (waitMs > 0) {
    throw new AppError('rate_limited', `Too many failed log-ins. Try again in ${describeWait(waitMs)}.`, { retryAfterSeconds: Math.ceil(waitMs / 1000) }, Math.ceil(waitMs / 1000));
  }
  const user = await findUserByEmailForLogin(deps.db, input.email);
  decoyHash ??= hashPassword('decoy-password-for-unknown-users');
  const isValid = await verifyPassword(input.password, user?.passwordHash ?? (await decoyHash));
  if (!user || !isValid || !user.passwordHash) {
    await saveLoginThrottle(deps.db, accountKey, afterFailedLogIn(throttles.get(accountKey), now, ACCOUNT_THROTTLE));
    await saveLoginThrottle(deps.db, addressKey, afterFailedLogIn(throttles.get(addressKey), now, ADDRESS_THROTTLE));
    throw new AppError('invalid_credentials', 'The e-mail or password is incorrect.');
  }
  if (!user.isActive) {
    throw new AppError('invalid_credentials', 'This user has been deactivated. Ask an administrator of your organisation to reactivate it.');
  }
  // The right password clears the account's count; the address's count fades on its own (one success must not
  // let an address that guesses across many accounts start over).
  await clearLoginThrottles(deps.db, [accountKey]);
  const sessionToken = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await insertSession(deps.db, user.orgId, { tokenHash: sha256Hex(sessionToken), userId: user.id, csrfToken, expiresAt });
  await updateUserRow(deps.db, user.orgId, user.id, { lastLoginAt: now });
  return { sessionToken, expiresAt, session: toSessionResponse(user, csrfToken, deps.config.isSandbox) };
}
