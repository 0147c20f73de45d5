import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../database';
import { queryRows } from './rows';

/** Reads for the segment account table and the account details page. Every function takes orgId. */
export interface MemberRow {
  company_id: string;
  name: string | null;
  domain: string | null;
  country: string | null;
  region: string | null;
  industry: string | null;
  employee_range: string | null;
  revenue_range: string | null;
  crm_owner: string | null;
  added_at: Date | string;
  total: number;
}

export type MemberSort = 'company' | 'domain' | 'country' | 'industry' | 'size' | 'crmOwner' | 'addedAt';

const MEMBER_SORT: Readonly<Record<MemberSort, SQL>> = {
  company: sql.raw('lower(c.name)'),
  domain: sql.raw('c.domain'),
  country: sql.raw('c.country'),
  industry: sql.raw('c.industry'),
  size: sql.raw('c.employee_range'),
  crmOwner: sql.raw('o.owner_name'),
  addedAt: sql.raw('m.added_at'),
};

/** CRM owner of a company: the owner of the first CRM account linked to it. */
const OWNER_JOIN = sql`LEFT JOIN LATERAL (
    SELECT a.owner_name FROM crm_account_companies l
    JOIN crm_accounts a ON a.org_id = l.org_id AND a.provider = l.provider AND a.external_id = l.external_id
    WHERE l.org_id = m.org_id AND l.company_id = m.company_id AND a.owner_name IS NOT NULL
    ORDER BY a.provider, a.external_id LIMIT 1) o ON TRUE`;

export async function listMemberRows(
  db: Db,
  orgId: string,
  segmentId: string,
  options: { sort: MemberSort; direction: 'asc' | 'desc'; search: string | undefined; limit: number; offset: number | undefined },
): Promise<MemberRow[]> {
  const search = options.search
    ? sql` AND (c.name ILIKE ${`%${escapeLike(options.search)}%`} ESCAPE '\\' OR c.domain ILIKE ${`%${escapeLike(options.search)}%`} ESCAPE '\\')`
    : sql``;
  const direction = options.direction === 'asc' ? sql.raw('ASC') : sql.raw('DESC');
  const paging = options.offset === undefined ? sql`` : sql` LIMIT ${options.limit} OFFSET ${options.offset}`;
  return queryRows<MemberRow>(
    db,
    sql`SELECT m.company_id, c.name, c.domain, c.country, c.region, c.industry, c.employee_range, c.revenue_range, o.owner_name AS crm_owner,
               m.added_at, count(*) OVER ()::int AS total
        FROM segment_members m
        LEFT JOIN companies c ON c.id = m.company_id
        ${OWNER_JOIN}
        WHERE m.org_id = ${orgId} AND m.segment_id = ${segmentId}${search}
        ORDER BY ${MEMBER_SORT[options.sort]} ${direction} NULLS LAST, m.company_id${paging}`,
  );
}

export interface CompanyDetailsRow {
  id: string;
  name: string;
  domain: string | null;
  other_domains: string[];
  country: string | null;
  region: string | null;
  city: string | null;
  industry: string | null;
  employee_range: string | null;
  revenue_range: string | null;
  firmographics: Record<string, unknown>;
}

/** A master company, or one of the organisation's private companies (another organisation's reads as missing). */
export async function findCompanyDetails(db: Db, orgId: string, companyId: string): Promise<CompanyDetailsRow | undefined> {
  const rows = await queryRows<CompanyDetailsRow>(
    db,
    sql`SELECT id, name, domain, other_domains, country, region, city, industry, employee_range, revenue_range, firmographics FROM companies WHERE id = ${companyId} AND (org_id IS NULL OR org_id = ${orgId})`,
  );
  return rows[0];
}

/** What tells companies apart on the confirmation page: name, website, place and the data sets it comes from. */
export interface CompanyNameRow {
  name: string;
  domain: string | null;
  city: string | null;
  country: string | null;
  /** The data sets of its provenance (gleif, sec, wikidata, csv), each once in order; empty for a plain CSV import. */
  sources: string[];
}

/** Names of master companies and of the organisation's private ones (another organisation's are left out). */
export async function findCompanyNames(db: Db, orgId: string, companyIds: readonly string[]): Promise<Map<string, CompanyNameRow>> {
  if (companyIds.length === 0) return new Map();
  const rows = await queryRows<{ id: string; name: string; domain: string | null; city: string | null; country: string | null; provenance: unknown }>(
    db,
    sql`SELECT id, name, domain, city, country, provenance FROM companies WHERE id = ANY(${sql.param([...new Set(companyIds)])}::text[]) AND (org_id IS NULL OR org_id = ${orgId})`,
  );
  return new Map(rows.map((row) => [row.id, { name: row.name, domain: row.domain, city: row.city, country: row.country, sources: provenanceSources(row.provenance) }]));
}

function provenanceSources(provenance: unknown): string[] {
  const entries = typeof provenance === 'string' ? (JSON.parse(provenance) as unknown) : provenance;
  if (!Array.isArray(entries)) return [];
  const sources = entries.flatMap((entry: unknown) => (typeof entry === 'object' && entry !== null && 'source' in entry && typeof entry.source === 'string' ? [entry.source] : []));
  return [...new Set(sources)];
}

export async function listCompanyCrmAccounts(db: Db, orgId: string, companyId: string) {
  return queryRows<{ provider: string; external_id: string; name: string | null; website: string | null; country: string | null; owner_name: string | null; fields: Record<string, unknown>; synced_at: Date | string }>(
    db,
    sql`SELECT a.provider, a.external_id, a.name, a.website, a.country, a.owner_name, a.fields, a.synced_at
        FROM crm_account_companies l
        JOIN crm_accounts a ON a.org_id = l.org_id AND a.provider = l.provider AND a.external_id = l.external_id
        WHERE l.org_id = ${orgId} AND l.company_id = ${companyId}
        ORDER BY a.provider, a.name NULLS LAST`,
  );
}

export async function listCompanySegments(db: Db, orgId: string, companyId: string) {
  return queryRows<{ id: string; name: string; source_type: string; status: string; added_at: Date | string }>(
    db,
    sql`SELECT s.id, s.name, s.source_type, s.status, m.added_at
        FROM segment_members m JOIN segments s ON s.id = m.segment_id AND s.org_id = m.org_id
        WHERE m.org_id = ${orgId} AND m.company_id = ${companyId}
        ORDER BY lower(s.name)`,
  );
}

/** Synced CRM accounts by external id, for mapping report contacts and leads to their accounts. */
export async function findCrmAccountsByIds(db: Db, orgId: string, provider: string, externalIds: readonly string[]) {
  if (externalIds.length === 0) return new Map<string, { name: string | null; website: string | null; country: string | null }>();
  const rows = await queryRows<{ external_id: string; name: string | null; website: string | null; country: string | null }>(
    db,
    sql`SELECT external_id, name, website, country FROM crm_accounts
        WHERE org_id = ${orgId} AND provider = ${provider} AND external_id = ANY(${sql.param([...new Set(externalIds)])}::text[])`,
  );
  return new Map(rows.map((row) => [row.external_id, { name: row.name, website: row.website, country: row.country }]));
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}
