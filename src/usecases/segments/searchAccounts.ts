import { sql } from 'drizzle-orm';
import { queryRows } from '../../adapters/db/segments/rows';
import type { Actor } from '../../domain/permissions/policy';
import { assertSegmentPermission, type SegmentDeps } from './segmentDeps';

/** Master companies whose name or domain contains the search text (prefix matches first). */
export async function searchAccounts(
  { orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { search: string; country?: string | undefined; page: number; pageSize: number } },
  deps: SegmentDeps,
) {
  assertSegmentPermission(actor, 'view', orgId);
  const pattern = `%${input.search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const prefix = `${input.search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const country = input.country ? sql` AND country = ${input.country.toUpperCase()}` : sql``;
  const rows = await queryRows<{ id: string; name: string; domain: string | null; country: string | null; industry: string | null; employee_range: string | null; total: number }>(
    deps.db,
    sql`SELECT id, name, domain, country, industry, employee_range, count(*) OVER ()::int AS total FROM companies
        WHERE (org_id IS NULL OR org_id = ${orgId}) AND (name ILIKE ${pattern} ESCAPE '\\' OR domain ILIKE ${pattern} ESCAPE '\\')${country}
        ORDER BY (name ILIKE ${prefix} ESCAPE '\\' OR domain ILIKE ${prefix} ESCAPE '\\') DESC, lower(name), id
        LIMIT ${input.pageSize} OFFSET ${(input.page - 1) * input.pageSize}`,
  );
  return {
    items: rows.map((row) => ({ companyId: row.id, name: row.name, domain: row.domain, country: row.country?.trim() ?? null, industry: row.industry, employeeRange: row.employee_range })),
    total: rows[0]?.total ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}
