import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { queryRows } from './rows';

/** Reads of segment insights and bulk match fixes. Every function takes orgId and filters on it. */

export type CompositionField = 'industry' | 'country' | 'employee_range';

const COLUMNS: Readonly<Record<CompositionField, ReturnType<typeof sql.raw>>> = {
  industry: sql.raw('c.industry'),
  country: sql.raw('upper(c.country)'),
  employee_range: sql.raw('c.employee_range'),
};

/** How many of a segment's members have each value of a company profile field (null = not known), most first. */
export async function countMembersBy(db: Db, orgId: string, segmentId: string, field: CompositionField): Promise<Array<{ value: string | null; count: number }>> {
  const column = COLUMNS[field];
  return queryRows<{ value: string | null; count: number }>(
    db,
    sql`SELECT ${column} AS value, count(*)::int AS count
        FROM segment_members m LEFT JOIN companies c ON c.id = m.company_id AND (c.org_id IS NULL OR c.org_id = ${orgId})
        WHERE m.org_id = ${orgId} AND m.segment_id = ${segmentId}
        GROUP BY 1 ORDER BY 2 DESC, 1 NULLS LAST`,
  );
}

/**
 * Stores a user's picks for many rows at once, in one statement: all or none. Applied on every refresh while the rows
 * are in the source, like a single fix.
 */
export async function upsertOverrides(
  db: Db,
  orgId: string,
  segmentId: string,
  picks: ReadonlyArray<{ rowKey: string; companyId: string }>,
  chosenBy: string | null,
  now: Date,
): Promise<void> {
  if (picks.length === 0) return;
  await db.execute(
    sql`INSERT INTO segment_match_overrides (org_id, segment_id, row_key, company_id, chosen_by, chosen_at)
        SELECT ${orgId}::uuid, ${segmentId}::uuid, pick.row_key, pick.company_id, ${chosenBy}::uuid, ${now.toISOString()}::timestamptz
        FROM unnest(${sql.param(picks.map((pick) => pick.rowKey))}::text[], ${sql.param(picks.map((pick) => pick.companyId))}::text[]) AS pick(row_key, company_id)
        ON CONFLICT (segment_id, row_key) DO UPDATE SET company_id = EXCLUDED.company_id, chosen_by = EXCLUDED.chosen_by, chosen_at = EXCLUDED.chosen_at`,
  );
}
