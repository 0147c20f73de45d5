import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { savedReports, savedReportSegments, segmentPublications } from '../schema/index';
import { queryRows } from '../segments/rows';

/** Uses each segment is published to, for the given segments. */
export async function listUsesOf(db: Db, orgId: string, segmentIds: readonly string[]): Promise<Map<string, string[]>> {
  const uses = new Map<string, string[]>();
  if (segmentIds.length === 0) return uses;
  const rows = await db
    .select({ segmentId: segmentPublications.segmentId, use: segmentPublications.use })
    .from(segmentPublications)
    .where(and(eq(segmentPublications.orgId, orgId), inArray(segmentPublications.segmentId, [...segmentIds])));
  for (const row of rows) uses.set(row.segmentId, [...(uses.get(row.segmentId) ?? []), row.use]);
  return uses;
}

/**
 * Publishes a segment to one use, refusing (returns 'limit') when it would be the 201st distinct published segment.
 * The check and the insert run in one transaction under a per-organisation lock, so two admins cannot both take the
 * last place.
 */
export async function insertPublication(
  db: Db,
  orgId: string,
  values: { segmentId: string; use: string; publishedBy: string | null; now: Date; maxSegments: number },
): Promise<'published' | 'already' | 'limit'> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`publish:${orgId}`}))`);
    const [existing] = await tx
      .select({ use: segmentPublications.use })
      .from(segmentPublications)
      .where(and(eq(segmentPublications.orgId, orgId), eq(segmentPublications.segmentId, values.segmentId)));
    if (!existing) {
      const [count] = await queryRows<{ n: number }>(tx, sql`SELECT count(DISTINCT segment_id)::int AS n FROM segment_publications WHERE org_id = ${orgId}`);
      if ((count?.n ?? 0) >= values.maxSegments) return 'limit';
    }
    const inserted = await tx
      .insert(segmentPublications)
      .values({ orgId, segmentId: values.segmentId, use: values.use, publishedBy: values.publishedBy, publishedAt: values.now })
      .onConflictDoNothing()
      .returning({ use: segmentPublications.use });
    return inserted.length > 0 ? 'published' : 'already';
  });
}

export async function deletePublication(db: Db, orgId: string, segmentId: string, use: string): Promise<boolean> {
  const deleted = await db
    .delete(segmentPublications)
    .where(and(eq(segmentPublications.orgId, orgId), eq(segmentPublications.segmentId, segmentId), eq(segmentPublications.use, use)))
    .returning({ use: segmentPublications.use });
  return deleted.length > 0;
}

export async function countPublishedSegments(db: Db, orgId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`SELECT count(DISTINCT segment_id)::int AS n FROM segment_publications WHERE org_id = ${orgId}`);
  return row?.n ?? 0;
}

export interface PublishingRow {
  id: string;
  name: string;
  source_type: string;
  filter: unknown;
  member_count: number;
  status: string;
  uses: string[] | null;
  total: number;
}

/** Every segment of the org with its uses, for Settings > Published Segments (search by name, published first). */
export async function listPublishingRows(db: Db, orgId: string, filter: { search: string | undefined; isPublishedOnly: boolean; limit: number; offset: number }): Promise<PublishingRow[]> {
  const search = filter.search ? `%${filter.search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` : null;
  return queryRows<PublishingRow>(
    db,
    sql`SELECT s.id, s.name, s.source_type, s.filter, s.member_count, s.status, p.uses, count(*) OVER ()::int AS total
        FROM segments s
        LEFT JOIN (SELECT segment_id, array_agg(use ORDER BY use) AS uses FROM segment_publications WHERE org_id = ${orgId} GROUP BY segment_id) p
          ON p.segment_id = s.id
        WHERE s.org_id = ${orgId}
          AND (${search}::text IS NULL OR s.name ILIKE ${search})
          AND (${filter.isPublishedOnly} = false OR p.uses IS NOT NULL)
        ORDER BY (p.uses IS NULL), lower(s.name), s.id
        LIMIT ${filter.limit} OFFSET ${filter.offset}`,
  );
}

/** Saved reports that use each of the segments (the GTM unpublish guard and its message). */
export async function listSavedReportsUsing(db: Db, orgId: string, segmentIds: readonly string[]): Promise<Map<string, Array<{ id: string; kind: string; name: string }>>> {
  const bySegment = new Map<string, Array<{ id: string; kind: string; name: string }>>();
  if (segmentIds.length === 0) return bySegment;
  const rows = await db
    .select({ segmentId: savedReportSegments.segmentId, id: savedReports.id, kind: savedReports.kind, name: savedReports.name })
    .from(savedReportSegments)
    .innerJoin(savedReports, eq(savedReports.id, savedReportSegments.reportId))
    .where(and(eq(savedReportSegments.orgId, orgId), inArray(savedReportSegments.segmentId, [...segmentIds])))
    .orderBy(savedReports.name);
  for (const row of rows) bySegment.set(row.segmentId, [...(bySegment.get(row.segmentId) ?? []), { id: row.id, kind: row.kind, name: row.name }]);
  return bySegment;
}

/** Published segments of one use with their names (enrichment, account details, the API). */
export async function listSegmentsPublishedTo(db: Db, orgId: string, use: string): Promise<Array<{ id: string; name: string; memberCount: number }>> {
  return queryRows<{ id: string; name: string; memberCount: number }>(
    db,
    sql`SELECT s.id, s.name, s.member_count AS "memberCount" FROM segment_publications p JOIN segments s ON s.id = p.segment_id AND s.org_id = p.org_id
        WHERE p.org_id = ${orgId} AND p.use = ${use} ORDER BY lower(s.name), s.id`,
  );
}
