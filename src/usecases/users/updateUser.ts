import { deleteUserSessions } from '../../adapters/db/repositories/sessions';
import { countActivePrimaryAdmins, findUser, updateUserRow } from '../../adapters/db/repositories/users';
import { AppError } from '../../domain/appError';
import { canAssignRole, type Actor } from '../../domain/permissions/policy';
import { ROLE_LABELS, type Role } from '../../domain/permissions/roles';
import type { UseCaseDeps } from '../deps';
import type { UserSummary } from '../../contracts/users';
import { toUserSummary } from './toUserSummary';

export async function updateUser(
  { orgId, actor, input }: { orgId: string; actor: Actor; input: { userId: string; role?: Role | undefined; isActive?: boolean | undefined } },
  deps: Pick<UseCaseDeps, 'db'>,
): Promise<UserSummary> {
  return deps.db.transaction(async (tx) => {
    const user = await findUser(tx, orgId, input.userId);
    if (!user) throw new AppError('not_found', 'User was not found.');
    if (input.userId === actor.userId) {
      throw new AppError('forbidden', 'You cannot change your own role or deactivate yourself; ask another administrator.');
    }
    // Only a primary administrator may change (or deactivate) a primary administrator.
    if (user.role === 'primary_admin' && actor.role !== 'primary_admin') {
      throw new AppError('forbidden', 'Only a Primary Administrator may change another Primary Administrator.');
    }
    if (input.role && !canAssignRole(actor, input.role)) {
      throw new AppError('forbidden', `Your role may not assign the ${ROLE_LABELS[input.role]} role.`);
    }
    const isLosingPrimaryAdmin =
      user.role === 'primary_admin' && user.isActive && ((input.role && input.role !== 'primary_admin') || input.isActive === false);
    if (isLosingPrimaryAdmin && (await countActivePrimaryAdmins(tx, orgId)) <= 1) {
      throw new AppError('conflict', 'An organisation needs at least one active Primary Administrator.');
    }
    const updated = await updateUserRow(tx, orgId, user.id, {
      ...(input.role ? { role: input.role } : {}),
      ...(input.isActive === undefined ? {} : { isActive: input.isActive }),
    });
    if (!updated) throw new AppError('not_found', 'User was not found.');
    if (input.isActive === false) await deleteUserSessions(tx, orgId, user.id);
    return toUserSummary(updated);
  });
}
