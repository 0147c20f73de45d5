/** The role and permission vocabulary, re-exported for clients (web/) that import contracts only. */
export { ROLES, ROLE_LABELS, isRole } from '../domain/permissions/roles';
export type { Role } from '../domain/permissions/roles';
export { ACTIONS, canAssignRole } from '../domain/permissions/policy';
export type { Action } from '../domain/permissions/policy';
