import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '../../adapters/db/segments/rows';
import type { Actor } from '../../domain/permissions/policy';
import { assertSegmentPermission, type SegmentDeps } from './segmentDeps';

export interface SearchAccountsInput {
  search?: string | undefined;
  country?: string | undefined;
  industry?: string | undefined;
  employeeRange?: string | undefined;
  revenueRange?: string | undefined;
  page: number;
  pageSize: number;
}

/**
 * Master companies (and the organisation's private ones): those whose name or domain contains the search text,
 * prefix matches first, or all of them by name; each profile filter keeps one exact value.
 */
export async function searchAccounts({ orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: SearchAccountsInput }, deps: SegmentDeps) {
  assertSegmentPermission(actor, 'view', orgId);
  const conditions: SQL[] = [sql`(org_id IS NULL OR org_id = ${orgId})`];
  const search = input.search?.trim() ?? '';
  let order = sql`lower(name), id`;
  if (search !== '') {
    const escaped = search.replace(/[\\%_]/g, (ch) => `\\${ch}`);
    const pattern = `%${escaped}%`;
    const prefix = `${escaped}%`;
    conditions.push(sql`(name ILIKE ${pattern} ESCAPE '\\' OR domain ILIKE ${pattern} ESCAPE '\\')`);
    order = sql`(name ILIKE ${prefix} ESCAPE '\\' OR domain ILIKE ${prefix} ESCAPE '\\') DESC, lower(name), id`;
  }
  if (input.country) conditions.push(sql`country = ${input.country.toUpperCase()}`);
  if (input.industry) conditions.push(sql`industry = ${input.industry}`);
  if (input.employeeRange) conditions.push(sql`employee_range = ${input.employeeRange}`);
  if (input.revenueRange) conditions.push(sql`revenue_range = ${input.revenueRange}`);
  const rows = await queryRows<{
    id: string;
    name: string;
    domain: string | null;
    country: string | null;
    industry: string | null;
    employee_range: string | null;
    revenue_range: string | null;
    total: number;
  }>(
    deps.db,
    sql`SELECT id, name, domain, country, industry, employee_range, revenue_range, count(*) OVER ()::int AS total FROM companies
        WHERE ${sql.join(conditions, sql` AND `)}
        ORDER BY ${order}
        LIMIT ${input.pageSize} OFFSET ${(input.page - 1) * input.pageSize}`,
  );
  return {
    items: rows.map((row) => ({
      companyId: row.id,
      name: row.name,
      domain: row.domain,
      country: row.country?.trim() ?? null,
      industry: row.industry,
      employeeRange: row.employee_range,
      revenueRange: row.revenue_range,
    })),
    total: rows[0]?.total ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}
