import type { OrganizationRow } from '../../adapters/db/repositories/organizations';
import type { OrganizationSummary } from '../../contracts/operator';

export function toOrganizationSummary(row: OrganizationRow & { userCount?: number }): OrganizationSummary {
  return {
    id: row.id,
    name: row.name,
    isActive: row.isActive,
    isDemo: row.isDemo,
    userCount: row.userCount ?? 0,
    createdAt: row.createdAt.toISOString(),
    deactivatedAt: row.deactivatedAt?.toISOString() ?? null,
  };
}
