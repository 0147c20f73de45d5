import type { UserSummary } from '../../contracts/users';
import type { UserRow } from '../../adapters/db/repositories/users';
import { isRole } from '../../domain/permissions/roles';

export function toUserSummary(user: UserRow): UserSummary {
  if (!isRole(user.role)) throw new Error(`user ${user.id} has an unknown role`);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    isActive: user.isActive,
    createdAt: user.createdAt.toISOString(),
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
  };
}
