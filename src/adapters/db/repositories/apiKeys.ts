import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../database';
import { apiKeys, organizations } from '../schema/index';
import type { Role } from '../../../domain/permissions/roles';

export type ApiKeyRow = typeof apiKeys.$inferSelect;

export async function insertApiKey(
  db: Db,
  orgId: string,
  input: { name: string; prefix: string; keyHash: string; role: Role; createdBy: string | undefined },
): Promise<ApiKeyRow> {
  const [row] = await db
    .insert(apiKeys)
    .values({ orgId, name: input.name, prefix: input.prefix, keyHash: input.keyHash, role: input.role, createdBy: input.createdBy ?? null })
    .returning();
  if (!row) throw new Error('api key insert returned nothing');
  return row;
}

export async function listApiKeys(db: Db, orgId: string): Promise<ApiKeyRow[]> {
  return db.select().from(apiKeys).where(eq(apiKeys.orgId, orgId)).orderBy(desc(apiKeys.createdAt));
}

/** Authentication looks a key up by its hash; the organisation comes from the key row (and must be active). */
export async function findActiveApiKeyByHash(db: Db, keyHash: string): Promise<ApiKeyRow | undefined> {
  const rows = await db
    .select({ key: apiKeys })
    .from(apiKeys)
    .innerJoin(organizations, eq(organizations.id, apiKeys.orgId))
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt), eq(organizations.isActive, true)))
    .limit(1);
  return rows[0]?.key;
}

export async function touchApiKey(db: Db, orgId: string, apiKeyId: string, at: Date): Promise<void> {
  await db.update(apiKeys).set({ lastUsedAt: at }).where(and(eq(apiKeys.orgId, orgId), eq(apiKeys.id, apiKeyId)));
}

export async function revokeApiKeyRow(db: Db, orgId: string, apiKeyId: string, at: Date): Promise<ApiKeyRow | undefined> {
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: at })
    .where(and(eq(apiKeys.orgId, orgId), eq(apiKeys.id, apiKeyId)))
    .returning();
  return row;
}
