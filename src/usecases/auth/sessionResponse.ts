import type { SessionResponse } from '../../contracts/auth';
import { ACTIONS, can } from '../../domain/permissions/policy';
import type { UserRow } from '../../adapters/db/repositories/users';
import { isRole } from '../../domain/permissions/roles';

export function toSessionResponse(user: UserRow & { orgName: string }, csrfToken: string, isSandbox: boolean): SessionResponse {
  if (!isRole(user.role)) throw new Error(`user ${user.id} has an unknown role`);
  const role = user.role;
  return {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role,
      orgId: user.orgId,
      orgName: user.orgName,
      mustChangePassword: user.mustChangePassword,
    },
    csrfToken,
    permissions: ACTIONS.filter((action) => can({ role, userId: user.id }, action)),
    isSandbox,
  };
}
