import { and, desc, eq, sql } from 'drizzle-orm';
import type { ResolvedRow } from '../../../domain/segments/resolveSourceRows';
import type { Db } from '../database';
import {
  crmAccountCompanies,
  segmentEvents,
  segmentMatchOverrides,
  segmentRefreshes,
  segmentSourceRows,
} from '../schema/segments';
import { queryRows } from './rows';

/** Source rows, members, overrides, refresh history, events. Every function takes orgId and filters on it. */
export type SourceRowRecord = typeof segmentSourceRows.$inferSelect;
export type RefreshRecord = typeof segmentRefreshes.$inferSelect;

export async function listSourceRows(db: Db, orgId: string, segmentId: string, status?: 'matched' | 'unmatched' | 'duplicate'): Promise<SourceRowRecord[]> {
  return db
    .select()
    .from(segmentSourceRows)
    .where(and(eq(segmentSourceRows.orgId, orgId), eq(segmentSourceRows.segmentId, segmentId), ...(status ? [eq(segmentSourceRows.status, status)] : [])))
    .orderBy(segmentSourceRows.rowNumber);
}

export async function findSourceRow(db: Db, orgId: string, segmentId: string, rowNumber: number): Promise<SourceRowRecord | undefined> {
  const [row] = await db
    .select()
    .from(segmentSourceRows)
    .where(and(eq(segmentSourceRows.orgId, orgId), eq(segmentSourceRows.segmentId, segmentId), eq(segmentSourceRows.rowNumber, rowNumber)));
  return row;
}

export async function listMemberIds(db: Db, orgId: string, segmentId: string): Promise<string[]> {
  const rows = await queryRows<{ company_id: string }>(db, sql`SELECT company_id FROM segment_members WHERE org_id = ${orgId} AND segment_id = ${segmentId}`);
  return rows.map((row) => row.company_id);
}

export async function loadOverrides(db: Db, orgId: string, segmentId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ rowKey: segmentMatchOverrides.rowKey, companyId: segmentMatchOverrides.companyId })
    .from(segmentMatchOverrides)
    .where(and(eq(segmentMatchOverrides.orgId, orgId), eq(segmentMatchOverrides.segmentId, segmentId)));
  return new Map(rows.map((row) => [row.rowKey, row.companyId]));
}

export async function upsertOverride(db: Db, orgId: string, segmentId: string, rowKey: string, companyId: string, chosenBy: string | null, now: Date): Promise<void> {
  await db
    .insert(segmentMatchOverrides)
    .values({ orgId, segmentId, rowKey, companyId, chosenBy, chosenAt: now })
    .onConflictDoUpdate({ target: [segmentMatchOverrides.segmentId, segmentMatchOverrides.rowKey], set: { companyId, chosenBy, chosenAt: now } });
}

/** Withdraws a hand pick; true when there was one. */
export async function deleteOverride(db: Db, orgId: string, segmentId: string, rowKey: string): Promise<boolean> {
  const rows = await db
    .delete(segmentMatchOverrides)
    .where(and(eq(segmentMatchOverrides.orgId, orgId), eq(segmentMatchOverrides.segmentId, segmentId), eq(segmentMatchOverrides.rowKey, rowKey)))
    .returning({ rowKey: segmentMatchOverrides.rowKey });
  return rows.length > 0;
}

export async function copyOverrides(db: Db, orgId: string, fromSegmentId: string, toSegmentId: string): Promise<void> {
  await db.execute(sql`INSERT INTO segment_match_overrides (org_id, segment_id, row_key, company_id, chosen_by, chosen_at)
    SELECT org_id, ${toSegmentId}::uuid, row_key, company_id, chosen_by, chosen_at FROM segment_match_overrides WHERE org_id = ${orgId} AND segment_id = ${fromSegmentId}`);
}

const ROW_BATCH = 2_000;

export async function replaceSourceRows(db: Db, orgId: string, segmentId: string, rows: readonly ResolvedRow[]): Promise<void> {
  await db.delete(segmentSourceRows).where(and(eq(segmentSourceRows.orgId, orgId), eq(segmentSourceRows.segmentId, segmentId)));
  for (let start = 0; start < rows.length; start += ROW_BATCH) {
    await db.insert(segmentSourceRows).values(
      rows.slice(start, start + ROW_BATCH).map((row) => ({
        orgId,
        segmentId,
        rowNumber: row.rowNumber,
        rowKey: row.rowKey,
        crmObjectType: row.crmObjectType,
        crmExternalId: row.crmExternalId,
        name: row.name,
        domain: row.domain,
        country: row.country,
        status: row.status,
        reason: row.reason,
        companyId: row.companyId,
        score: row.score,
        isManualMatch: row.isManualMatch,
        isFilteredOut: row.isFilteredOut,
        candidates: [...row.candidates],
      })),
    );
  }
}

/** Applies a membership diff with one statement each way: array parameters, whatever the size. */
export async function applyMemberChanges(db: Db, orgId: string, segmentId: string, addedIds: readonly string[], removedIds: readonly string[], now: Date): Promise<void> {
  if (removedIds.length > 0) {
    await db.execute(sql`DELETE FROM segment_members WHERE org_id = ${orgId} AND segment_id = ${segmentId} AND company_id = ANY(${sql.param([...removedIds])}::text[])`);
  }
  if (addedIds.length > 0) {
    await db.execute(sql`INSERT INTO segment_members (org_id, segment_id, company_id, added_at)
      SELECT ${orgId}::uuid, ${segmentId}::uuid, id, ${now}::timestamptz FROM unnest(${sql.param([...addedIds])}::text[]) AS id ON CONFLICT DO NOTHING`);
  }
}

export async function insertRefresh(db: Db, values: typeof segmentRefreshes.$inferInsert): Promise<string> {
  const [row] = await db.insert(segmentRefreshes).values(values).returning({ id: segmentRefreshes.id });
  if (!row) throw new Error('refresh insert returned nothing');
  return row.id;
}

export async function insertMembershipChanges(
  db: Db,
  orgId: string,
  segmentId: string,
  refreshId: string,
  changes: ReadonlyArray<{ companyId: string; change: 'added' | 'removed'; why: string }>,
): Promise<void> {
  if (changes.length === 0) return;
  await db.execute(sql`INSERT INTO segment_membership_changes (org_id, refresh_id, segment_id, company_id, change, why)
    SELECT ${orgId}::uuid, ${refreshId}::uuid, ${segmentId}::uuid, company_id, change, why
    FROM unnest(${sql.param(changes.map((c) => c.companyId))}::text[], ${sql.param(changes.map((c) => c.change))}::text[], ${sql.param(changes.map((c) => c.why))}::text[]) AS t(company_id, change, why)`);
}

export async function listRefreshes(db: Db, orgId: string, segmentId: string, limit: number): Promise<RefreshRecord[]> {
  return db
    .select()
    .from(segmentRefreshes)
    .where(and(eq(segmentRefreshes.orgId, orgId), eq(segmentRefreshes.segmentId, segmentId)))
    .orderBy(desc(segmentRefreshes.seq))
    .limit(limit);
}

export async function listChanges(db: Db, orgId: string, segmentId: string, refreshId: string, limit: number, offset: number) {
  return queryRows<{ company_id: string; change: string; why: string; name: string | null; domain: string | null; total: number }>(
    db,
    sql`SELECT m.company_id, m.change, m.why, c.name, c.domain, count(*) OVER ()::int AS total
        FROM segment_membership_changes m LEFT JOIN companies c ON c.id = m.company_id
        WHERE m.org_id = ${orgId} AND m.segment_id = ${segmentId} AND m.refresh_id = ${refreshId}
        ORDER BY m.change, lower(c.name) NULLS LAST, m.company_id LIMIT ${limit} OFFSET ${offset}`,
  );
}

export async function replaceSourceCompanies(db: Db, orgId: string, sourceKey: string, companyIds: readonly string[]): Promise<void> {
  await db.execute(sql`DELETE FROM segment_source_companies WHERE org_id = ${orgId} AND source_key = ${sourceKey}`);
  if (companyIds.length === 0) return;
  await db.execute(sql`INSERT INTO segment_source_companies (org_id, source_key, company_id)
    SELECT DISTINCT ${orgId}::uuid, ${sourceKey}::text, id FROM unnest(${sql.param([...companyIds])}::text[]) AS id`);
}

export async function hasSourceCompanies(db: Db, orgId: string, sourceKey: string): Promise<boolean> {
  const rows = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM segment_source_companies WHERE org_id = ${orgId} AND source_key = ${sourceKey} LIMIT 1) x`);
  return (rows[0]?.n ?? 0) > 0;
}

/** Remembers which company each CRM account matched (for CRM field filters and account details). */
export async function linkCrmAccounts(db: Db, orgId: string, provider: string, links: ReadonlyArray<{ externalId: string; companyId: string }>, now: Date): Promise<void> {
  const unique = [...new Map(links.map((link) => [link.externalId, link])).values()];
  for (let start = 0; start < unique.length; start += ROW_BATCH) {
    await db
      .insert(crmAccountCompanies)
      .values(unique.slice(start, start + ROW_BATCH).map((link) => ({ orgId, provider, externalId: link.externalId, companyId: link.companyId, linkedAt: now })))
      .onConflictDoUpdate({ target: [crmAccountCompanies.orgId, crmAccountCompanies.provider, crmAccountCompanies.externalId], set: { companyId: sql`excluded.company_id`, linkedAt: now } });
  }
}

export async function insertSegmentEvent(db: Db, values: { orgId: string; segmentId: string; kind: 'refresh_failed' | 'refresh_recovered'; message: string | null; createdAt: Date }): Promise<void> {
  await db.insert(segmentEvents).values(values);
}

export async function listSegmentEvents(db: Db, orgId: string, segmentId: string) {
  return db
    .select()
    .from(segmentEvents)
    .where(and(eq(segmentEvents.orgId, orgId), eq(segmentEvents.segmentId, segmentId)))
    .orderBy(desc(segmentEvents.createdAt));
}

