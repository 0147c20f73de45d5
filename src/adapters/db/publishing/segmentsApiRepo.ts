import { eq, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { apiKeyRateWindows, segmentsApiSettings } from '../schema/index';
import { queryRows } from '../segments/rows';

export async function findSegmentsApiSettings(db: Db, orgId: string): Promise<{ isEnabled: boolean; scope: 'published' | 'all_active' }> {
  const [row] = await db.select().from(segmentsApiSettings).where(eq(segmentsApiSettings.orgId, orgId));
  return { isEnabled: row?.isEnabled ?? false, scope: row?.scope === 'all_active' ? 'all_active' : 'published' };
}

export async function saveSegmentsApiSettings(db: Db, orgId: string, values: { isEnabled: boolean; scope: 'published' | 'all_active'; now: Date }): Promise<void> {
  await db
    .insert(segmentsApiSettings)
    .values({ orgId, isEnabled: values.isEnabled, scope: values.scope, updatedAt: values.now })
    .onConflictDoUpdate({ target: segmentsApiSettings.orgId, set: { isEnabled: values.isEnabled, scope: values.scope, updatedAt: values.now } });
}

/** Counts one request of the key in its current window and returns the count so far. */
export async function countApiKeyRequest(db: Db, apiKeyId: string, windowStart: Date): Promise<number> {
  const [row] = await db
    .insert(apiKeyRateWindows)
    .values({ apiKeyId, windowStart, requestCount: 1 })
    .onConflictDoUpdate({ target: [apiKeyRateWindows.apiKeyId, apiKeyRateWindows.windowStart], set: { requestCount: sql`${apiKeyRateWindows.requestCount} + 1` } })
    .returning({ count: apiKeyRateWindows.requestCount });
  return row?.count ?? 1;
}

/** The segments the API shows: published to the API use, or every segment that is not failing ("All active segments"). */
function visibleSegments(orgId: string, scope: 'published' | 'all_active') {
  return scope === 'published'
    ? sql`SELECT s.id, s.name, s.member_count FROM segments s JOIN segment_publications p ON p.segment_id = s.id AND p.org_id = s.org_id AND p.use = 'api' WHERE s.org_id = ${orgId}`
    : sql`SELECT s.id, s.name, s.member_count FROM segments s WHERE s.org_id = ${orgId} AND s.status IN ('ready', 'refreshing')`;
}

export async function listApiSegments(db: Db, orgId: string, scope: 'published' | 'all_active') {
  return queryRows<{ id: string; name: string; member_count: number }>(db, sql`SELECT * FROM (${visibleSegments(orgId, scope)}) v ORDER BY lower(v.name), v.id`);
}

export async function isApiSegment(db: Db, orgId: string, scope: 'published' | 'all_active', segmentId: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(db, sql`SELECT v.id FROM (${visibleSegments(orgId, scope)}) v WHERE v.id = ${segmentId}`);
  return rows.length > 0;
}

/** Members of one segment after a company id (keyset paging). */
export async function listApiSegmentAccounts(db: Db, orgId: string, segmentId: string, afterCompanyId: string, limit: number) {
  return queryRows<{ company_id: string; name: string | null; domain: string | null; country: string | null }>(
    db,
    sql`SELECT m.company_id, c.name, c.domain, c.country FROM segment_members m LEFT JOIN companies c ON c.id = m.company_id
        WHERE m.org_id = ${orgId} AND m.segment_id = ${segmentId} AND m.company_id > ${afterCompanyId}
        ORDER BY m.company_id LIMIT ${limit}`,
  );
}

/** The API-visible segments a company belongs to. */
export async function listApiSegmentsOfCompany(db: Db, orgId: string, scope: 'published' | 'all_active', companyId: string) {
  return queryRows<{ id: string; name: string }>(
    db,
    sql`SELECT v.id, v.name FROM (${visibleSegments(orgId, scope)}) v JOIN segment_members m ON m.segment_id = v.id AND m.org_id = ${orgId}
        WHERE m.company_id = ${companyId} ORDER BY lower(v.name), v.id`,
  );
}

/** Adds and removes of API-visible segments after the cursor (refresh sequence, company id), oldest first. */
export async function listApiMembershipChanges(db: Db, orgId: string, scope: 'published' | 'all_active', after: { seq: number; companyId: string }, limit: number) {
  return queryRows<{ seq: string | number; segment_id: string; company_id: string; change: 'added' | 'removed'; finished_at: Date | string }>(
    db,
    sql`SELECT r.seq, c.segment_id, c.company_id, c.change, r.finished_at
        FROM segment_membership_changes c JOIN segment_refreshes r ON r.id = c.refresh_id
        JOIN (${visibleSegments(orgId, scope)}) v ON v.id = c.segment_id
        WHERE c.org_id = ${orgId} AND (r.seq, c.company_id) > (${after.seq}, ${after.companyId})
        ORDER BY r.seq, c.company_id LIMIT ${limit}`,
  );
}
