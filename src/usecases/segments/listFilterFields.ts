import { sql } from 'drizzle-orm';
import { queryRows } from '../../adapters/db/segments/rows';
import type { Actor } from '../../domain/permissions/policy';
import { crmFieldTypeOf, type CrmFieldType } from '../../domain/segments/crmFieldTypes';
import { COMPANY_PROFILE_FIELDS, COMPANY_PROFILE_LABELS, CRM_STANDARD_FIELDS, FILTER_OPERATORS, type CompanyProfileField } from '../../domain/segments/filterTree';
import { profileValueLabel, sortProfileValues } from '../../domain/segments/profileValues';
import { assertSegmentPermission, type SegmentDeps } from './segmentDeps';

const PROFILE_COLUMNS: Readonly<Record<CompanyProfileField, ReturnType<typeof sql.raw>>> = {
  industry: sql.raw('industry'),
  employeeRange: sql.raw('employee_range'),
  revenueRange: sql.raw('revenue_range'),
  country: sql.raw('country'),
  region: sql.raw('region'),
};

type CrmSystem = 'salesforce' | 'dynamics';

/**
 * The filter editor's vocabulary: company profile values present in the master database (ranges by size, countries
 * with their names), and the fields of the synced CRM accounts with the type their values show.
 */
export async function listFilterFields({ orgId, actor }: { orgId: string; actor: Actor | undefined }, deps: SegmentDeps) {
  assertSegmentPermission(actor, 'view', orgId);
  const companyProfile = [];
  for (const field of COMPANY_PROFILE_FIELDS) {
    const column = PROFILE_COLUMNS[field];
    const rows = await queryRows<{ value: string }>(deps.db, sql`SELECT DISTINCT ${column}::text AS value FROM companies WHERE ${column} IS NOT NULL AND (org_id IS NULL OR org_id = ${orgId}) ORDER BY 1 LIMIT 500`);
    const values = sortProfileValues(field, [...new Set(rows.map((row) => row.value.trim()))]);
    companyProfile.push({ field, label: COMPANY_PROFILE_LABELS[field], values, options: values.map((value) => ({ value, label: profileValueLabel(field, value) })) });
  }
  return { companyProfile, crm: await listCrmAccountFields(orgId, deps), operators: [...FILTER_OPERATORS] };
}

/** The standard columns of every synced account, then the synced fields of a sample of accounts with their types. */
async function listCrmAccountFields(orgId: string, deps: SegmentDeps) {
  const systems = await queryRows<{ provider: CrmSystem }>(deps.db, sql`SELECT DISTINCT provider FROM crm_accounts WHERE org_id = ${orgId} ORDER BY 1`);
  // A sample: enough to list what the CRM sends without scanning every record.
  const facts = await queryRows<{ provider: CrmSystem; key: string; is_all_numbers: boolean | null; is_all_booleans: boolean | null; is_all_dates: boolean | null }>(
    deps.db,
    sql`SELECT a.provider, f.key,
               bool_and(jsonb_typeof(f.value) = 'number' OR (jsonb_typeof(f.value) = 'string' AND btrim(f.value #>> '{}') ~ '^-?[0-9]+(\\.[0-9]+)?$')) FILTER (WHERE NOT ${isEmptyValue}) AS is_all_numbers,
               bool_and(jsonb_typeof(f.value) = 'boolean') FILTER (WHERE NOT ${isEmptyValue}) AS is_all_booleans,
               bool_and(jsonb_typeof(f.value) = 'string' AND (f.value #>> '{}') ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}') FILTER (WHERE NOT ${isEmptyValue}) AS is_all_dates
        FROM (SELECT provider, fields FROM crm_accounts WHERE org_id = ${orgId} LIMIT 2000) a, jsonb_each(a.fields) AS f(key, value)
        GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  return systems.map(({ provider }) => {
    const typedFields: Array<{ name: string; type: CrmFieldType }> = CRM_STANDARD_FIELDS.map((name) => ({ name, type: 'text' }));
    for (const row of facts) {
      // Annotations such as "_ownerid_value" or "x@OData.Community…" cannot be filtered on (crmFieldCondition's API name rule).
      if (row.provider !== provider || (CRM_STANDARD_FIELDS as readonly string[]).includes(row.key) || !CRM_FIELD_NAME.test(row.key)) continue;
      typedFields.push({ name: row.key, type: crmFieldTypeOf({ isAllNumbers: row.is_all_numbers, isAllBooleans: row.is_all_booleans, isAllDates: row.is_all_dates }) });
    }
    return { system: provider, fields: typedFields.map((field) => field.name), typedFields };
  });
}

const CRM_FIELD_NAME = /^[A-Za-z][A-Za-z0-9_.]*$/;

const isEmptyValue = sql.raw(`(jsonb_typeof(f.value) = 'null' OR (jsonb_typeof(f.value) = 'string' AND btrim(f.value #>> '{}') = ''))`);
