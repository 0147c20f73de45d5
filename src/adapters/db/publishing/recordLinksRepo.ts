import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../database';
import { queryRows } from '../segments/rows';

/**
 * Which master company each synced Salesforce record belongs to: accounts through their match, contacts through
 * their account (else their e-mail domain), leads through their converted account (else their e-mail domain).
 * Records openabm has not synced are absent from the answer; synced records without a company map to null.
 */
export async function linkSyncedCrmRecords(db: Db, orgId: string, provider: string, object: 'account' | 'contact' | 'lead', recordIds: readonly string[]): Promise<Map<string, string | null>> {
  if (recordIds.length === 0) return new Map();
  const ids = sql.param([...recordIds]);
  const byDomain = (emailColumn: SQL) => sql`(SELECT co.id FROM companies co WHERE co.domain = nullif(lower(split_part(${emailColumn}, '@', 2)), '') ORDER BY co.id LIMIT 1)`;
  const query =
    object === 'account'
      ? sql`SELECT a.external_id AS record_id, ac.company_id FROM crm_accounts a
            LEFT JOIN crm_account_companies ac ON ac.org_id = a.org_id AND ac.provider = a.provider AND ac.external_id = a.external_id
            WHERE a.org_id = ${orgId} AND a.provider = ${provider} AND a.external_id = ANY(${ids}::text[])`
      : object === 'contact'
        ? sql`SELECT c.external_id AS record_id, coalesce(ac.company_id, ${byDomain(sql`c.email`)}) AS company_id FROM crm_contacts c
              LEFT JOIN crm_account_companies ac ON ac.org_id = c.org_id AND ac.provider = c.provider AND ac.external_id = c.account_external_id
              WHERE c.org_id = ${orgId} AND c.provider = ${provider} AND c.external_id = ANY(${ids}::text[])`
        : sql`SELECT l.external_id AS record_id, coalesce(ac.company_id, ${byDomain(sql`l.email`)}) AS company_id FROM crm_leads l
              LEFT JOIN crm_account_companies ac ON ac.org_id = l.org_id AND ac.provider = l.provider AND ac.external_id = l.converted_account_external_id
              WHERE l.org_id = ${orgId} AND l.provider = ${provider} AND l.external_id = ANY(${ids}::text[])`;
  const rows = await queryRows<{ record_id: string; company_id: string | null }>(db, query);
  return new Map(rows.map((row) => [row.record_id, row.company_id]));
}

/** Names of the segments published to Segment Name Enrichment that each company belongs to now. */
export async function enrichmentSegmentNamesByCompany(db: Db, orgId: string, companyIds: readonly string[]): Promise<Map<string, string[]>> {
  const names = new Map<string, string[]>();
  if (companyIds.length === 0) return names;
  const rows = await queryRows<{ company_id: string; name: string }>(
    db,
    sql`SELECT m.company_id, s.name FROM segment_members m
        JOIN segment_publications p ON p.org_id = m.org_id AND p.segment_id = m.segment_id AND p.use = 'enrichment'
        JOIN segments s ON s.id = m.segment_id AND s.org_id = m.org_id
        WHERE m.org_id = ${orgId} AND m.company_id = ANY(${sql.param([...new Set(companyIds)])}::text[])`,
  );
  for (const row of rows) names.set(row.company_id, [...(names.get(row.company_id) ?? []), row.name]);
  return names;
}
