/** The four roles of the specification, in order of decreasing power. */
export const ROLES = ['primary_admin', 'abm_admin', 'marketing_user', 'view_only'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  primary_admin: 'Primary Administrator',
  abm_admin: 'ABM Administrator',
  marketing_user: 'Marketing User',
  view_only: 'View-only User',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
