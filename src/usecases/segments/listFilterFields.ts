import { sql } from 'drizzle-orm';
import { queryRows } from '../../adapters/db/segments/rows';
import type { Actor } from '../../domain/permissions/policy';
import { COMPANY_PROFILE_FIELDS, COMPANY_PROFILE_LABELS, CRM_STANDARD_FIELDS, FILTER_OPERATORS, type CompanyProfileField } from '../../domain/segments/filterTree';
import { assertSegmentPermission, type SegmentDeps } from './segmentDeps';

const PROFILE_COLUMNS: Readonly<Record<CompanyProfileField, ReturnType<typeof sql.raw>>> = {
  industry: sql.raw('industry'),
  employeeRange: sql.raw('employee_range'),
  revenueRange: sql.raw('revenue_range'),
  country: sql.raw('country'),
  region: sql.raw('region'),
};

/** The filter editor's vocabulary: company profile values present in the master database, and synced CRM fields. */
export async function listFilterFields({ orgId, actor }: { orgId: string; actor: Actor | undefined }, deps: SegmentDeps) {
  assertSegmentPermission(actor, 'view', orgId);
  const companyProfile = [];
  for (const field of COMPANY_PROFILE_FIELDS) {
    const column = PROFILE_COLUMNS[field];
    const rows = await queryRows<{ value: string }>(deps.db, sql`SELECT DISTINCT ${column}::text AS value FROM companies WHERE ${column} IS NOT NULL AND (org_id IS NULL OR org_id = ${orgId}) ORDER BY 1 LIMIT 500`);
    companyProfile.push({ field, label: COMPANY_PROFILE_LABELS[field], values: rows.map((row) => row.value.trim()) });
  }
  // Field names of a sample of synced accounts: enough to list what the CRM sends without scanning every record.
  const crmRows = await queryRows<{ provider: 'salesforce' | 'dynamics'; key: string }>(
    deps.db,
    sql`SELECT DISTINCT provider, jsonb_object_keys(fields) AS key FROM (SELECT provider, fields FROM crm_accounts WHERE org_id = ${orgId} LIMIT 2000) a ORDER BY 1, 2`,
  );
  const bySystem = new Map<'salesforce' | 'dynamics', string[]>();
  for (const row of crmRows) bySystem.set(row.provider, [...(bySystem.get(row.provider) ?? [...CRM_STANDARD_FIELDS]), row.key]);
  return { companyProfile, crm: [...bySystem.entries()].map(([system, fields]) => ({ system, fields })), operators: [...FILTER_OPERATORS] };
}
