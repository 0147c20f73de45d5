import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../database';
import { uploadedListRows, uploadedLists } from '../schema/segments';

/** Uploaded account lists and their lines. Every function takes orgId. */
export type UploadedListRow = typeof uploadedLists.$inferSelect;
export interface ColumnMapping {
  name: number;
  domain: number;
  country: number;
}

const LINE_BATCH = 2_000;

export async function insertUploadedList(
  db: Db,
  orgId: string,
  list: { fileName: string; headers: string[]; columnMapping: ColumnMapping; isMappingConfirmed: boolean; createdBy: string | null; createdAt: Date },
  lines: ReadonlyArray<{ lineNumber: number; cells: string[] }>,
): Promise<UploadedListRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(uploadedLists).values({ ...list, orgId, rowCount: lines.length }).returning();
    if (!row) throw new Error('upload insert returned nothing');
    for (let start = 0; start < lines.length; start += LINE_BATCH) {
      await tx.insert(uploadedListRows).values(lines.slice(start, start + LINE_BATCH).map((line) => ({ orgId, listId: row.id, lineNumber: line.lineNumber, cells: line.cells })));
    }
    return row;
  });
}

export async function findUploadedList(db: Db, orgId: string, listId: string): Promise<UploadedListRow | undefined> {
  const [row] = await db.select().from(uploadedLists).where(and(eq(uploadedLists.orgId, orgId), eq(uploadedLists.id, listId)));
  return row;
}

export async function updateUploadedListMapping(db: Db, orgId: string, listId: string, columnMapping: ColumnMapping): Promise<UploadedListRow | undefined> {
  const [row] = await db
    .update(uploadedLists)
    .set({ columnMapping, isMappingConfirmed: true })
    .where(and(eq(uploadedLists.orgId, orgId), eq(uploadedLists.id, listId)))
    .returning();
  return row;
}

export async function listUploadedLines(db: Db, orgId: string, listId: string): Promise<Array<{ lineNumber: number; cells: string[] }>> {
  return db
    .select({ lineNumber: uploadedListRows.lineNumber, cells: uploadedListRows.cells })
    .from(uploadedListRows)
    .where(and(eq(uploadedListRows.orgId, orgId), eq(uploadedListRows.listId, listId)))
    .orderBy(asc(uploadedListRows.lineNumber));
}
