import { generateOneTimePassword, hashPassword } from '../../adapters/crypto-auth/passwords';
import { deleteUserSessions } from '../../adapters/db/repositories/sessions';
import { findUser, updateUserRow } from '../../adapters/db/repositories/users';
import { AppError } from '../../domain/appError';
import type { Actor } from '../../domain/permissions/policy';
import type { UseCaseDeps } from '../deps';
import type { UserSummary } from '../../contracts/users';
import { toUserSummary } from './toUserSummary';

/**
 * An administrator gives a user a new one-time password (returned once, to hand over): the old password stops
 * working, every session of the user ends, and the next log-in must choose a new password.
 */
export async function resetUserPassword(
  { orgId, actor, input }: { orgId: string; actor: Actor; input: { userId: string } },
  deps: Pick<UseCaseDeps, 'db'>,
): Promise<{ user: UserSummary; oneTimePassword: string }> {
  if (input.userId === actor.userId) {
    throw new AppError('forbidden', 'To change your own password, use Change password in your user menu.');
  }
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  return deps.db.transaction(async (tx) => {
    const user = await findUser(tx, orgId, input.userId);
    if (!user) throw new AppError('not_found', 'User was not found.');
    if (user.role === 'primary_admin' && actor.role !== 'primary_admin') {
      throw new AppError('forbidden', 'Only a Primary Administrator may reset the password of a Primary Administrator.');
    }
    const updated = await updateUserRow(tx, orgId, user.id, { passwordHash, mustChangePassword: true });
    if (!updated) throw new AppError('not_found', 'User was not found.');
    await deleteUserSessions(tx, orgId, user.id);
    return { user: toUserSummary(updated), oneTimePassword };
  });
}
