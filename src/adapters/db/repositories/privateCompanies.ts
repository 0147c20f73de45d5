import { and, asc, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { companies } from '../schema/companies';
import type { MasterCompanyInput } from '../../../domain/matching/types';

export type CompanyRow = typeof companies.$inferSelect;

/** An organisation's private companies, by name, with search over name and domain. */
export async function listPrivateCompanies(db: Db, orgId: string, options: { search?: string | undefined; limit: number; offset: number }): Promise<{ rows: CompanyRow[]; total: number }> {
  const pattern = options.search ? `%${options.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const where = and(eq(companies.orgId, orgId), pattern ? or(ilike(companies.name, pattern), ilike(companies.domain, pattern)) : undefined);
  const [rows, [counted]] = await Promise.all([
    db.select().from(companies).where(where).orderBy(asc(companies.name), asc(companies.id)).limit(options.limit).offset(options.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(companies).where(where),
  ]);
  return { rows, total: Number(counted?.n ?? 0) };
}

export async function deletePrivateCompany(db: Db, orgId: string, companyId: string): Promise<boolean> {
  const rows = await db.delete(companies).where(and(eq(companies.orgId, orgId), eq(companies.id, companyId))).returning({ id: companies.id });
  return rows.length > 0;
}

/** Master companies holding one of these (domain, country) pairs: a private company may not repeat one. */
export async function findMasterCompaniesByDomainCountry(
  db: Db,
  pairs: ReadonlyArray<{ domain: string; country: string | null }>,
): Promise<Array<{ id: string; name: string; domain: string; country: string | null }>> {
  if (pairs.length === 0) return [];
  const domains = [...new Set(pairs.map((pair) => pair.domain))];
  const rows = await db
    .select({ id: companies.id, name: companies.name, domain: companies.domain, country: companies.country })
    .from(companies)
    .where(and(isNull(companies.orgId), sql`${companies.domain} = ANY(${sql.param(domains)}::text[])`));
  const wanted = new Set(pairs.map((pair) => `${pair.domain}|${pair.country ?? ''}`));
  return rows.flatMap((row) => (row.domain !== null && wanted.has(`${row.domain}|${row.country ?? ''}`) ? [{ id: row.id, name: row.name, domain: row.domain, country: row.country }] : []));
}

/** Changes whenever the organisation's private companies change: the key of its private index cache. */
export async function privateCompaniesVersion(db: Db, orgId: string): Promise<string> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int`, latest: sql<string | null>`max(${companies.updatedAt})::text` })
    .from(companies)
    .where(eq(companies.orgId, orgId));
  return `${row?.n ?? 0}:${row?.latest ?? ''}`;
}

/** The organisation's private companies as the matcher reads them (an organisation holds thousands, not millions). */
export async function listPrivateCompaniesForMatching(db: Db, orgId: string): Promise<MasterCompanyInput[]> {
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
    .where(eq(companies.orgId, orgId))
    .orderBy(asc(companies.id));
  // As the master's loader (forEachMasterCompanyPage): other domains and names only when there are some.
  return rows.map((row) => ({
    companyId: row.id,
    name: row.name,
    domain: row.domain ?? '',
    country: row.country ?? '',
    completeness: Number(row.completeness),
    ...(row.otherDomains.length > 0 ? { otherDomains: row.otherDomains } : {}),
    ...(row.otherNames.length > 0 ? { otherNames: row.otherNames } : {}),
  }));
}

export async function findPrivateCompany(db: Db, orgId: string, companyId: string): Promise<CompanyRow | undefined> {
  const rows = await db.select().from(companies).where(and(eq(companies.orgId, orgId), eq(companies.id, companyId))).limit(1);
  return rows[0];
}
