import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { crmApiUsage, crmConnections, crmOauthStates } from '../schema/index';

/** CRM connections, OAuth handshakes and API usage counters. Every function filters on orgId. */
export type CrmConnectionRow = typeof crmConnections.$inferSelect;
export type CrmConnectionInsert = Omit<typeof crmConnections.$inferInsert, 'id' | 'orgId' | 'provider' | 'createdAt'>;
export type CrmOauthStateRow = typeof crmOauthStates.$inferSelect;
export type CrmApiUsageRow = typeof crmApiUsage.$inferSelect;

export async function findCrmConnection(db: Db, orgId: string, provider: string): Promise<CrmConnectionRow | undefined> {
  const rows = await db.select().from(crmConnections).where(and(eq(crmConnections.orgId, orgId), eq(crmConnections.provider, provider))).limit(1);
  return rows[0];
}

export async function listCrmConnections(db: Db, orgId: string): Promise<CrmConnectionRow[]> {
  return db.select().from(crmConnections).where(eq(crmConnections.orgId, orgId)).orderBy(crmConnections.provider);
}

/** Every connection of every org, for the scheduler that enqueues the daily syncs (it passes each orgId on). */
export async function listAllCrmConnectionKeys(db: Db): Promise<Array<{ orgId: string; provider: string; status: string }>> {
  return db.select({ orgId: crmConnections.orgId, provider: crmConnections.provider, status: crmConnections.status }).from(crmConnections);
}

/** Connect or reconnect: one connection per org and provider; a reconnect replaces the credentials. */
export async function upsertCrmConnection(db: Db, orgId: string, provider: string, values: CrmConnectionInsert): Promise<CrmConnectionRow> {
  const [row] = await db
    .insert(crmConnections)
    .values({ orgId, provider, ...values })
    .onConflictDoUpdate({ target: [crmConnections.orgId, crmConnections.provider], set: { ...values } })
    .returning();
  if (!row) throw new Error('crm connection upsert returned nothing');
  return row;
}

export async function updateCrmConnection(
  db: Db,
  orgId: string,
  connectionId: string,
  patch: Partial<CrmConnectionInsert>,
): Promise<CrmConnectionRow | undefined> {
  const [row] = await db
    .update(crmConnections)
    .set(patch)
    .where(and(eq(crmConnections.orgId, orgId), eq(crmConnections.id, connectionId)))
    .returning();
  return row;
}

export async function deleteCrmConnection(db: Db, orgId: string, provider: string): Promise<CrmConnectionRow | undefined> {
  const [row] = await db
    .delete(crmConnections)
    .where(and(eq(crmConnections.orgId, orgId), eq(crmConnections.provider, provider)))
    .returning();
  return row;
}

export async function insertCrmOauthState(db: Db, orgId: string, values: Omit<typeof crmOauthStates.$inferInsert, 'orgId' | 'createdAt'>): Promise<void> {
  await db.insert(crmOauthStates).values({ orgId, ...values });
}

/** Single use: the state row is deleted as it is read. The org comes from the row (the callback has no session). */
export async function takeCrmOauthState(db: Db, stateHash: string): Promise<CrmOauthStateRow | undefined> {
  const [row] = await db.delete(crmOauthStates).where(eq(crmOauthStates.stateHash, stateHash)).returning();
  return row;
}

export async function deleteExpiredCrmOauthStates(db: Db, now: Date): Promise<void> {
  await db.delete(crmOauthStates).where(lt(crmOauthStates.expiresAt, now));
}

/**
 * Counts one call if it stays within the allowance, atomically (concurrent workers can never push the counter past
 * it). Returns the new count, or undefined when the call is refused (and counts the refusal).
 */
export async function reserveCrmApiCall(db: Db, orgId: string, provider: string, usageDay: string, dailyAllowance: number, now: Date): Promise<number | undefined> {
  if (dailyAllowance <= 0) {
    await countRefusal(db, orgId, provider, usageDay, now);
    return undefined;
  }
  const rows = await db
    .insert(crmApiUsage)
    .values({ orgId, provider, usageDay, callCount: 1, updatedAt: now })
    .onConflictDoUpdate({
      target: [crmApiUsage.orgId, crmApiUsage.provider, crmApiUsage.usageDay],
      set: { callCount: sql`${crmApiUsage.callCount} + 1`, updatedAt: now },
      setWhere: sql`${crmApiUsage.callCount} < ${dailyAllowance}`,
    })
    .returning({ callCount: crmApiUsage.callCount });
  const count = rows[0]?.callCount;
  if (count === undefined) await countRefusal(db, orgId, provider, usageDay, now);
  return count;
}

async function countRefusal(db: Db, orgId: string, provider: string, usageDay: string, now: Date): Promise<void> {
  await db
    .insert(crmApiUsage)
    .values({ orgId, provider, usageDay, refusedCount: 1, limitReachedAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [crmApiUsage.orgId, crmApiUsage.provider, crmApiUsage.usageDay],
      set: { refusedCount: sql`${crmApiUsage.refusedCount} + 1`, limitReachedAt: sql`coalesce(${crmApiUsage.limitReachedAt}, ${now.toISOString()}::timestamptz)`, updatedAt: now },
    });
}

export async function recordCrmProviderUsage(db: Db, orgId: string, provider: string, usageDay: string, usage: { used: number; max: number }, now: Date): Promise<void> {
  await db
    .insert(crmApiUsage)
    .values({ orgId, provider, usageDay, providerUsed: usage.used, providerMax: usage.max, updatedAt: now })
    .onConflictDoUpdate({
      target: [crmApiUsage.orgId, crmApiUsage.provider, crmApiUsage.usageDay],
      set: { providerUsed: usage.used, providerMax: usage.max, updatedAt: now },
    });
}

export async function markCrmApiLimitReached(db: Db, orgId: string, provider: string, usageDay: string, now: Date): Promise<void> {
  await db
    .insert(crmApiUsage)
    .values({ orgId, provider, usageDay, limitReachedAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [crmApiUsage.orgId, crmApiUsage.provider, crmApiUsage.usageDay],
      set: { limitReachedAt: sql`coalesce(${crmApiUsage.limitReachedAt}, ${now.toISOString()}::timestamptz)`, updatedAt: now },
    });
}

export async function findCrmApiUsage(db: Db, orgId: string, provider: string, usageDay: string): Promise<CrmApiUsageRow | undefined> {
  const rows = await db
    .select()
    .from(crmApiUsage)
    .where(and(eq(crmApiUsage.orgId, orgId), eq(crmApiUsage.provider, provider), eq(crmApiUsage.usageDay, usageDay)))
    .limit(1);
  return rows[0];
}
