import { ROLE_LABELS, ROLES, canAssignRole } from '../../../../../src/contracts/permissions';
import type { Role } from '../../../../../src/contracts/permissions';

/** The roles the logged-in user may hand out, as Select options. */
export function assignableRoleOptions(actorRole: Role): { value: Role; label: string }[] {
  return ROLES.filter((role) => canAssignRole({ role: actorRole }, role)).map((role) => ({ value: role, label: ROLE_LABELS[role] }));
}
