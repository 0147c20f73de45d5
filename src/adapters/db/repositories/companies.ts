import { and, asc, count, gt, isNull, max, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { companies } from '../schema/companies';
import type { CompanyRecord } from '../../../domain/matching/companyRecord';
import type { MasterCompanyInput } from '../../../domain/matching/types';

// 15 parameters a row: 1,000 rows stay well under PostgreSQL's 65,535 parameters per statement.
const upsertBatchSize = 1000;

/**
 * Inserts or updates companies by id (idempotent: importing the same file twice changes nothing but updated_at).
 * `orgId` null writes the master database; an organisation's id writes its private companies. A row of the master
 * never overwrites a private one or the reverse (the update applies only when both sides have the same owner).
 */
export async function upsertCompanies(db: Db, records: readonly CompanyRecord[], orgId: string | null = null): Promise<void> {
  for (let start = 0; start < records.length; start += upsertBatchSize) {
    const batch = records.slice(start, start + upsertBatchSize);
    // A file may repeat an id; one statement may not touch a row twice, so the last row of an id wins.
    const byId = new Map(batch.map((record) => [record.id, record]));
    await db
      .insert(companies)
      .values(
        [...byId.values()].map((record) => ({
          id: record.id,
          orgId,
          name: record.name,
          domain: record.domain,
          otherDomains: record.otherDomains,
          country: record.country,
          region: record.region,
          city: record.city,
          industry: record.industry,
          employeeRange: record.employeeRange,
          revenueRange: record.revenueRange,
          firmographics: record.firmographics,
          provenance: record.provenance ?? null,
          otherNames: record.otherNames ?? [],
        })),
      )
      .onConflictDoUpdate({
        target: companies.id,
        set: {
          name: sql`excluded.name`,
          domain: sql`excluded.domain`,
          otherDomains: sql`excluded.other_domains`,
          country: sql`excluded.country`,
          region: sql`excluded.region`,
          city: sql`excluded.city`,
          industry: sql`excluded.industry`,
          employeeRange: sql`excluded.employee_range`,
          revenueRange: sql`excluded.revenue_range`,
          firmographics: sql`excluded.firmographics`,
          provenance: sql`excluded.provenance`,
          otherNames: sql`excluded.other_names`,
          updatedAt: sql`now()`,
        },
        setWhere: sql`${companies.orgId} IS NOT DISTINCT FROM excluded.org_id`,
      });
  }
}

/** Companies of the master database (private companies excluded). */
export async function countCompanies(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(companies).where(isNull(companies.orgId));
  return row?.n ?? 0;
}

/** Changes whenever companies are added, updated or removed: the key of the in-process master index cache. */
export async function companiesVersion(db: Db): Promise<string> {
  const [row] = await db.select({ n: count(), latest: max(companies.updatedAt) }).from(companies).where(isNull(companies.orgId));
  return `${row?.n ?? 0}:${row?.latest?.toISOString() ?? ''}`;
}

/** Every master company as the matcher reads it (private companies excluded), page by page in id order (keyset pagination: no OFFSET scans). */
export async function forEachMasterCompanyPage(db: Db, onPage: (page: MasterCompanyInput[]) => void, pageSize = 10_000): Promise<void> {
  let afterId: string | undefined;
  for (;;) {
    const rows = await db
      .select({
        id: companies.id,
        name: companies.name,
        domain: companies.domain,
        country: companies.country,
        otherDomains: companies.otherDomains,
        otherNames: companies.otherNames,
        completeness: sql<number>`((${companies.region} IS NOT NULL)::int + (${companies.city} IS NOT NULL)::int + (${companies.industry} IS NOT NULL)::int + (${companies.employeeRange} IS NOT NULL)::int + (${companies.revenueRange} IS NOT NULL)::int)`,
      })
      .from(companies)
      .where(and(isNull(companies.orgId), afterId === undefined ? undefined : gt(companies.id, afterId)))
      .orderBy(asc(companies.id))
      .limit(pageSize);
    if (rows.length === 0) return;
    onPage(rows.map((row) => ({ companyId: row.id, name: row.name, domain: row.domain ?? '', country: row.country ?? '', completeness: Number(row.completeness), ...(row.otherDomains.length > 0 ? { otherDomains: row.otherDomains } : {}), ...(row.otherNames.length > 0 ? { otherNames: row.otherNames } : {}) })));
    afterId = rows[rows.length - 1]?.id;
    if (rows.length < pageSize) return;
  }
}
