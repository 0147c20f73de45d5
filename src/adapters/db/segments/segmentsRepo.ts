import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../database';
import { segmentFolders, segments } from '../schema/segments';
import { queryRows } from './rows';

/** Segments and their folders. Every function takes orgId and filters on it. */
export type SegmentRow = typeof segments.$inferSelect;
export type NewSegment = Omit<typeof segments.$inferInsert, 'orgId' | 'id'>;
export type SegmentPatch = Partial<Omit<typeof segments.$inferInsert, 'orgId' | 'id' | 'createdAt'>>;

export async function insertSegment(db: Db, orgId: string, values: NewSegment): Promise<SegmentRow> {
  const [row] = await db.insert(segments).values({ ...values, orgId }).returning();
  if (!row) throw new Error('segment insert returned nothing');
  return row;
}

export async function findSegment(db: Db, orgId: string, segmentId: string): Promise<SegmentRow | undefined> {
  const [row] = await db.select().from(segments).where(and(eq(segments.orgId, orgId), eq(segments.id, segmentId)));
  return row;
}

export async function updateSegment(db: Db, orgId: string, segmentId: string, patch: SegmentPatch): Promise<SegmentRow | undefined> {
  const [row] = await db.update(segments).set(patch).where(and(eq(segments.orgId, orgId), eq(segments.id, segmentId))).returning();
  return row;
}

/** Moves a segment to `refreshing` unless one already runs; false when another refresh holds it. */
export async function claimSegmentForRefresh(
  db: Db,
  orgId: string,
  segmentId: string,
  now: Date,
  claimKey: string | null = null,
): Promise<{ previousStatus: string; previousMessage: string | null } | undefined> {
  // A refresh that died (worker killed) leaves 'refreshing' behind: a retry of the same job (same claimKey) takes it
  // over at once; anyone else after an hour.
  const staleBefore = new Date(now.getTime() - 60 * 60 * 1000);
  const rows = await queryRows<{ status: string; status_message: string | null }>(
    db,
    sql`UPDATE segments s SET status = 'refreshing', last_attempted_at = ${now}, refresh_claim = ${claimKey}, refresh_queued_at = NULL
        FROM (SELECT id, CASE WHEN status = 'refreshing' THEN 'ready' ELSE status END AS status, status_message, status = 'refreshing' AS is_running, last_attempted_at, refresh_claim
              FROM segments WHERE org_id = ${orgId} AND id = ${segmentId} FOR UPDATE) old
        WHERE s.id = old.id AND (NOT old.is_running OR old.last_attempted_at IS NULL OR old.last_attempted_at < ${staleBefore} OR (${claimKey}::text IS NOT NULL AND old.refresh_claim = ${claimKey}::text))
        RETURNING old.status, old.status_message`,
  );
  const row = rows[0];
  return row ? { previousStatus: row.status, previousMessage: row.status_message } : undefined;
}

export async function deleteSegmentRow(db: Db, orgId: string, segmentId: string): Promise<boolean> {
  const rows = await db.delete(segments).where(and(eq(segments.orgId, orgId), eq(segments.id, segmentId))).returning({ id: segments.id });
  return rows.length > 0;
}

export interface SegmentListFilter {
  segmentId?: string | undefined;
  search?: string | undefined;
  folderId?: string | null | undefined;
  sourceType?: string | undefined;
  ownerUserId?: string | undefined;
  status?: string | undefined;
  refreshedAfter?: Date | undefined;
  refreshedBefore?: Date | undefined;
  sort: 'name' | 'updatedAt' | 'lastRefreshedAt' | 'memberCount';
  direction: 'asc' | 'desc';
  limit: number;
  offset: number;
}

const SORT_COLUMNS: Readonly<Record<SegmentListFilter['sort'], SQL>> = {
  name: sql.raw('lower(s.name)'),
  updatedAt: sql.raw('s.updated_at'),
  lastRefreshedAt: sql.raw('s.last_refreshed_at'),
  memberCount: sql.raw('s.member_count'),
};

export interface SegmentListRow {
  id: string;
  name: string;
  folder_id: string | null;
  folder_name: string | null;
  source_type: string;
  source_config: Record<string, unknown>;
  owner_user_id: string | null;
  owner_name: string | null;
  status: string;
  status_message: string | null;
  is_refresh_queued: boolean;
  member_count: number;
  last_refreshed_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
  total: number;
}

export async function listSegmentRows(db: Db, orgId: string, filter: SegmentListFilter): Promise<SegmentListRow[]> {
  const conditions: SQL[] = [sql`s.org_id = ${orgId}`];
  if (filter.segmentId) conditions.push(sql`s.id = ${filter.segmentId}`);
  if (filter.search) conditions.push(sql`s.name ILIKE ${`%${filter.search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`} ESCAPE '\\'`);
  if (filter.folderId === null) conditions.push(sql`s.folder_id IS NULL`);
  else if (filter.folderId) conditions.push(sql`s.folder_id = ${filter.folderId}`);
  if (filter.sourceType) conditions.push(sql`s.source_type = ${filter.sourceType}`);
  if (filter.ownerUserId) conditions.push(sql`s.owner_user_id = ${filter.ownerUserId}`);
  if (filter.status) conditions.push(sql`s.status = ${filter.status}`);
  if (filter.refreshedAfter) conditions.push(sql`s.last_refreshed_at >= ${filter.refreshedAfter}`);
  if (filter.refreshedBefore) conditions.push(sql`s.last_refreshed_at < ${filter.refreshedBefore}`);
  const direction = filter.direction === 'asc' ? sql.raw('ASC') : sql.raw('DESC');
  return queryRows<SegmentListRow>(
    db,
    sql`SELECT s.id, s.name, s.folder_id, f.name AS folder_name, s.source_type, s.source_config, s.owner_user_id, u.name AS owner_name,
               s.status, s.status_message, s.refresh_queued_at IS NOT NULL AS is_refresh_queued, s.member_count, s.last_refreshed_at, s.created_at, s.updated_at, count(*) OVER ()::int AS total
        FROM segments s
        LEFT JOIN segment_folders f ON f.id = s.folder_id AND f.org_id = s.org_id
        LEFT JOIN users u ON u.id = s.owner_user_id AND u.org_id = s.org_id
        WHERE ${sql.join(conditions, sql` AND `)}
        ORDER BY ${SORT_COLUMNS[filter.sort]} ${direction} NULLS LAST, s.id
        LIMIT ${filter.limit} OFFSET ${filter.offset}`,
  );
}

/** Segments whose daily refresh is due, oldest first, across organisations (the cron's query). */
export async function listDueSegments(db: Db, now: Date, limit: number): Promise<Array<{ orgId: string; segmentId: string }>> {
  const rows = await queryRows<{ org_id: string; id: string }>(
    db,
    sql`SELECT org_id, id FROM segments
        WHERE status <> 'refreshing' AND (next_refresh_at IS NULL OR next_refresh_at <= ${now})
        ORDER BY org_id, next_refresh_at NULLS FIRST LIMIT ${limit}`,
  );
  return rows.map((row) => ({ orgId: row.org_id, segmentId: row.id }));
}

export type SegmentFolderRow = typeof segmentFolders.$inferSelect;

export async function insertFolder(db: Db, orgId: string, name: string): Promise<SegmentFolderRow> {
  const [row] = await db.insert(segmentFolders).values({ orgId, name }).returning();
  if (!row) throw new Error('folder insert returned nothing');
  return row;
}

export async function findFolder(db: Db, orgId: string, folderId: string): Promise<SegmentFolderRow | undefined> {
  const [row] = await db.select().from(segmentFolders).where(and(eq(segmentFolders.orgId, orgId), eq(segmentFolders.id, folderId)));
  return row;
}

export async function findFolderByName(db: Db, orgId: string, name: string): Promise<SegmentFolderRow | undefined> {
  const [row] = await db.select().from(segmentFolders).where(and(eq(segmentFolders.orgId, orgId), sql`lower(${segmentFolders.name}) = lower(${name})`));
  return row;
}

export async function listFolderRows(db: Db, orgId: string): Promise<Array<{ id: string; name: string; segment_count: number }>> {
  return queryRows(
    db,
    sql`SELECT f.id, f.name, (SELECT count(*)::int FROM segments s WHERE s.org_id = f.org_id AND s.folder_id = f.id) AS segment_count
        FROM segment_folders f WHERE f.org_id = ${orgId} ORDER BY lower(f.name)`,
  );
}

export async function deleteFolderRow(db: Db, orgId: string, folderId: string): Promise<boolean> {
  const rows = await db.delete(segmentFolders).where(and(eq(segmentFolders.orgId, orgId), eq(segmentFolders.id, folderId))).returning({ id: segmentFolders.id });
  return rows.length > 0;
}
