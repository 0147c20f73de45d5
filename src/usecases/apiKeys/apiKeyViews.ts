import type { ApiKeyRow } from '../../adapters/db/repositories/apiKeys';
import { isRole } from '../../domain/permissions/roles';

export function toApiKeySummary(row: ApiKeyRow) {
  if (!isRole(row.role)) throw new Error(`api key ${row.id} has an unknown role`);
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    role: row.role,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
