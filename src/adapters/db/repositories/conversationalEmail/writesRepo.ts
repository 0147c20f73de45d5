import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../database';
import { ceWrites } from '../../schema/index';

/** The Salesforce write-back journal. Every function filters on orgId. */
export type CeWriteRow = typeof ceWrites.$inferSelect;
export type CeWriteInsert = Omit<typeof ceWrites.$inferInsert, 'id' | 'seq' | 'orgId' | 'status' | 'attempts'>;

/** Journals writes; a key already journaled is left alone (a Task is never queued twice for one message). */
export async function journalWrites(db: Db, orgId: string, writes: readonly CeWriteInsert[]): Promise<void> {
  if (writes.length === 0) return;
  for (let start = 0; start < writes.length; start += 500) {
    await db
      .insert(ceWrites)
      .values(writes.slice(start, start + 500).map((write) => ({ orgId, status: 'pending', ...write })))
      .onConflictDoNothing();
  }
}

export async function writesInStatus(db: Db, orgId: string, kind: string, status: string, limit: number): Promise<CeWriteRow[]> {
  return db
    .select()
    .from(ceWrites)
    .where(and(eq(ceWrites.orgId, orgId), eq(ceWrites.kind, kind), eq(ceWrites.status, status)))
    .orderBy(asc(ceWrites.createdAt), asc(ceWrites.seq))
    .limit(limit);
}

export async function markWrites(db: Db, orgId: string, ids: readonly string[], patch: Partial<Pick<CeWriteRow, 'status' | 'salesforceId' | 'error' | 'inFlightSince' | 'doneAt'>> & { isAttempt?: boolean }): Promise<void> {
  if (ids.length === 0) return;
  const { isAttempt, ...values } = patch;
  await db
    .update(ceWrites)
    .set({ ...values, ...(isAttempt ? { attempts: sql`${ceWrites.attempts} + 1` } : {}) })
    .where(and(eq(ceWrites.orgId, orgId), inArray(ceWrites.id, [...ids])));
}

export async function writeCounts(db: Db, orgId: string): Promise<Record<string, number>> {
  const rows = await db.select({ key: sql<string>`${ceWrites.kind} || ':' || ${ceWrites.status}`, count: sql<number>`count(*)::int` }).from(ceWrites).where(eq(ceWrites.orgId, orgId)).groupBy(ceWrites.kind, ceWrites.status);
  return Object.fromEntries(rows.map((row) => [row.key, row.count]));
}

/** The write-back journal of one Salesforce record, newest first (what the conversation page shows was written). */
export async function writesOfRecord(db: Db, orgId: string, crmObject: string, crmId: string, limit: number): Promise<CeWriteRow[]> {
  return db
    .select()
    .from(ceWrites)
    .where(and(eq(ceWrites.orgId, orgId), eq(ceWrites.crmObject, crmObject), eq(ceWrites.crmId, crmId)))
    .orderBy(sql`${ceWrites.createdAt} desc`, sql`${ceWrites.seq} desc`)
    .limit(limit);
}
