import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../database';
import { adChannelConnections, adChannelOauthStates } from '../schema/index';

/** Per-user ad-channel logins and OAuth round trips. Every function filters on orgId. */
export type AdChannelConnectionRow = typeof adChannelConnections.$inferSelect;
export type AdChannelConnectionValues = Omit<typeof adChannelConnections.$inferInsert, 'id' | 'orgId' | 'userId' | 'channel'>;
export type AdChannelOauthStateRow = typeof adChannelOauthStates.$inferSelect;

export async function findAdChannelConnection(db: Db, orgId: string, userId: string, channel: string): Promise<AdChannelConnectionRow | undefined> {
  const rows = await db
    .select()
    .from(adChannelConnections)
    .where(and(eq(adChannelConnections.orgId, orgId), eq(adChannelConnections.userId, userId), eq(adChannelConnections.channel, channel)))
    .limit(1);
  return rows[0];
}

export async function listUserAdChannelConnections(db: Db, orgId: string, userId: string): Promise<AdChannelConnectionRow[]> {
  return db.select().from(adChannelConnections).where(and(eq(adChannelConnections.orgId, orgId), eq(adChannelConnections.userId, userId)));
}

/** Connect or reconnect: one login per user and channel; a reconnect replaces the credentials. */
export async function upsertAdChannelConnection(db: Db, orgId: string, userId: string, channel: string, values: AdChannelConnectionValues): Promise<AdChannelConnectionRow> {
  const [row] = await db
    .insert(adChannelConnections)
    .values({ orgId, userId, channel, ...values })
    .onConflictDoUpdate({ target: [adChannelConnections.orgId, adChannelConnections.userId, adChannelConnections.channel], set: values })
    .returning();
  if (!row) throw new Error('ad channel connection upsert returned nothing');
  return row;
}

export async function updateAdChannelConnection(db: Db, orgId: string, connectionId: string, patch: Partial<AdChannelConnectionValues>): Promise<void> {
  await db.update(adChannelConnections).set(patch).where(and(eq(adChannelConnections.orgId, orgId), eq(adChannelConnections.id, connectionId)));
}

export async function deleteAdChannelConnection(db: Db, orgId: string, userId: string, channel: string): Promise<void> {
  await db
    .delete(adChannelConnections)
    .where(and(eq(adChannelConnections.orgId, orgId), eq(adChannelConnections.userId, userId), eq(adChannelConnections.channel, channel)));
}

export async function insertAdChannelOauthState(db: Db, orgId: string, values: Omit<typeof adChannelOauthStates.$inferInsert, 'orgId' | 'createdAt'>): Promise<void> {
  await db.insert(adChannelOauthStates).values({ orgId, ...values });
}

/** Single use: the state row is deleted as it is read. Expired rows are swept by the same call. */
export async function takeAdChannelOauthState(db: Db, stateHash: string, now: Date): Promise<AdChannelOauthStateRow | undefined> {
  await db.delete(adChannelOauthStates).where(lt(adChannelOauthStates.expiresAt, now));
  const [row] = await db.delete(adChannelOauthStates).where(eq(adChannelOauthStates.stateHash, stateHash)).returning();
  return row;
}
