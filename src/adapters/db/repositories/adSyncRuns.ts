import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { adSyncBatches, adSyncRuns } from '../schema/index';

/** Sync runs and their batch journal. Every function filters on orgId. */
export type AdSyncRunRow = typeof adSyncRuns.$inferSelect;
export type AdSyncBatchRow = typeof adSyncBatches.$inferSelect;

export async function findRunningAdSyncRun(db: Db, orgId: string, syncId: string): Promise<AdSyncRunRow | undefined> {
  const rows = await db
    .select()
    .from(adSyncRuns)
    .where(and(eq(adSyncRuns.orgId, orgId), eq(adSyncRuns.syncId, syncId), eq(adSyncRuns.status, 'running')))
    .orderBy(desc(adSyncRuns.seq))
    .limit(1);
  return rows[0];
}

export async function insertAdSyncRun(db: Db, orgId: string, values: Omit<typeof adSyncRuns.$inferInsert, 'id' | 'orgId' | 'seq'>): Promise<AdSyncRunRow> {
  const [row] = await db.insert(adSyncRuns).values({ orgId, ...values }).returning();
  if (!row) throw new Error('ad sync run insert returned nothing');
  return row;
}

export async function updateAdSyncRun(db: Db, orgId: string, runId: string, patch: Partial<Omit<typeof adSyncRuns.$inferInsert, 'id' | 'orgId' | 'seq'>>): Promise<void> {
  await db.update(adSyncRuns).set(patch).where(and(eq(adSyncRuns.orgId, orgId), eq(adSyncRuns.id, runId)));
}

/** Adds one acknowledged batch's outcome to the run's progress counters. */
export async function addAdSyncRunProgress(db: Db, orgId: string, runId: string, delta: { added: number; removed: number; rejected: number; calls: number }): Promise<void> {
  await db
    .update(adSyncRuns)
    .set({
      addedCount: sql`${adSyncRuns.addedCount} + ${delta.added}`,
      removedCount: sql`${adSyncRuns.removedCount} + ${delta.removed}`,
      rejectedCount: sql`${adSyncRuns.rejectedCount} + ${delta.rejected}`,
      apiCalls: sql`${adSyncRuns.apiCalls} + ${delta.calls}`,
    })
    .where(and(eq(adSyncRuns.orgId, orgId), eq(adSyncRuns.id, runId)));
}

/** Run history without the (large) target set. */
export async function listAdSyncRuns(db: Db, orgId: string, syncId: string, limit: number) {
  return db
    .select({
      id: adSyncRuns.id,
      trigger: adSyncRuns.trigger,
      status: adSyncRuns.status,
      targetCount: adSyncRuns.targetCount,
      plannedAdd: adSyncRuns.plannedAdd,
      plannedRemove: adSyncRuns.plannedRemove,
      plannedRetry: adSyncRuns.plannedRetry,
      addedCount: adSyncRuns.addedCount,
      removedCount: adSyncRuns.removedCount,
      rejectedCount: adSyncRuns.rejectedCount,
      apiCalls: adSyncRuns.apiCalls,
      note: adSyncRuns.note,
      errorCode: adSyncRuns.errorCode,
      errorMessage: adSyncRuns.errorMessage,
      startedAt: adSyncRuns.startedAt,
      finishedAt: adSyncRuns.finishedAt,
    })
    .from(adSyncRuns)
    .where(and(eq(adSyncRuns.orgId, orgId), eq(adSyncRuns.syncId, syncId)))
    .orderBy(desc(adSyncRuns.seq))
    .limit(limit);
}

export async function insertAdSyncBatches(db: Db, orgId: string, rows: ReadonlyArray<Omit<typeof adSyncBatches.$inferInsert, 'orgId'>>): Promise<void> {
  for (let start = 0; start < rows.length; start += 200) {
    await db.insert(adSyncBatches).values(rows.slice(start, start + 200).map((row) => ({ orgId, ...row })));
  }
}

export async function listAdSyncBatches(db: Db, orgId: string, runId: string): Promise<AdSyncBatchRow[]> {
  return db.select().from(adSyncBatches).where(and(eq(adSyncBatches.orgId, orgId), eq(adSyncBatches.runId, runId))).orderBy(asc(adSyncBatches.seq));
}

export async function updateAdSyncBatch(db: Db, orgId: string, runId: string, seq: number, patch: Partial<Omit<typeof adSyncBatches.$inferInsert, 'orgId' | 'runId' | 'seq'>>): Promise<void> {
  await db.update(adSyncBatches).set(patch).where(and(eq(adSyncBatches.orgId, orgId), eq(adSyncBatches.runId, runId), eq(adSyncBatches.seq, seq)));
}
