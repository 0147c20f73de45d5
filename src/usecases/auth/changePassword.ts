import { hashPassword, verifyPassword } from '../../adapters/crypto-auth/passwords';
import { deleteUserSessions } from '../../adapters/db/repositories/sessions';
import { findUser, updateUserRow } from '../../adapters/db/repositories/users';
import { AppError } from '../../domain/appError';
import type { Actor } from '../../domain/permissions/policy';
import type { UseCaseDeps } from '../deps';

export async function changePassword(
  { orgId, actor, input }: {
    orgId: string;
    actor: Actor;
    /** currentSessionTokenHash: the session that asked; it stays logged in, every other session of the user ends. */
    input: { currentPassword: string; newPassword: string; currentSessionTokenHash: string | undefined };
  },
  deps: Pick<UseCaseDeps, 'db'>,
): Promise<void> {
  if (!actor.userId) throw new AppError('forbidden', 'API keys have no password to change.');
  const user = await findUser(deps.db, orgId, actor.userId);
  if (!user) throw new AppError('not_found', 'User was not found.');
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError('invalid_credentials', 'The current password is incorrect.');
  }
  if (input.newPassword === input.currentPassword) {
    throw new AppError('validation_failed', 'The new password must differ from the current one.');
  }
  await deps.db.transaction(async (tx) => {
    await updateUserRow(tx, orgId, user.id, { passwordHash: await hashPassword(input.newPassword), mustChangePassword: false });
    // Whoever knew the old password may hold another session: those end, the one that changed it goes on.
    await deleteUserSessions(tx, orgId, user.id, { exceptTokenHash: input.currentSessionTokenHash });
  });
}
