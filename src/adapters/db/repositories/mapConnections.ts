import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../database';
import { mapConnections, mapOauthStates } from '../schema/index';

/** MAP connections (HubSpot, Marketo, Pardot, Eloqua) and their OAuth handshakes. Every function filters on orgId. */
export type MapConnectionRow = typeof mapConnections.$inferSelect;
export type MapConnectionInsert = Omit<typeof mapConnections.$inferInsert, 'id' | 'orgId' | 'provider' | 'createdAt'>;
export type MapOauthStateRow = typeof mapOauthStates.$inferSelect;

export async function findMapConnection(db: Db, orgId: string, provider: string): Promise<MapConnectionRow | undefined> {
  const rows = await db.select().from(mapConnections).where(and(eq(mapConnections.orgId, orgId), eq(mapConnections.provider, provider))).limit(1);
  return rows[0];
}

export async function listMapConnections(db: Db, orgId: string): Promise<MapConnectionRow[]> {
  return db.select().from(mapConnections).where(eq(mapConnections.orgId, orgId)).orderBy(mapConnections.provider);
}

/** Connect or reconnect: one connection per org and provider; a reconnect replaces the credentials. */
export async function upsertMapConnection(db: Db, orgId: string, provider: string, values: MapConnectionInsert): Promise<MapConnectionRow> {
  const [row] = await db
    .insert(mapConnections)
    .values({ orgId, provider, ...values })
    .onConflictDoUpdate({ target: [mapConnections.orgId, mapConnections.provider], set: { ...values } })
    .returning();
  if (!row) throw new Error('upsertMapConnection returned no row');
  return row;
}

export async function updateMapConnection(db: Db, orgId: string, connectionId: string, patch: Partial<MapConnectionInsert>): Promise<MapConnectionRow | undefined> {
  const [row] = await db
    .update(mapConnections)
    .set(patch)
    .where(and(eq(mapConnections.orgId, orgId), eq(mapConnections.id, connectionId)))
    .returning();
  return row;
}

export async function deleteMapConnection(db: Db, orgId: string, provider: string): Promise<MapConnectionRow | undefined> {
  const [row] = await db
    .delete(mapConnections)
    .where(and(eq(mapConnections.orgId, orgId), eq(mapConnections.provider, provider)))
    .returning();
  return row;
}

export async function insertMapOauthState(db: Db, orgId: string, values: Omit<typeof mapOauthStates.$inferInsert, 'orgId' | 'createdAt'>): Promise<void> {
  await db.insert(mapOauthStates).values({ orgId, ...values });
}

/** Single use: the state row is deleted as it is read. The org comes from the row (the callback has no session). */
export async function takeMapOauthState(db: Db, stateHash: string): Promise<MapOauthStateRow | undefined> {
  const [row] = await db.delete(mapOauthStates).where(eq(mapOauthStates.stateHash, stateHash)).returning();
  return row;
}

export async function deleteExpiredMapOauthStates(db: Db, now: Date): Promise<void> {
  await db.delete(mapOauthStates).where(lt(mapOauthStates.expiresAt, now));
}
