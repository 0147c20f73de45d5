import { sql, type SQL } from 'drizzle-orm';
import {
  sourceKeyOf,
  type CompanyProfileField,
  type CrmStandardField,
  type FilterCondition,
  type FilterNode,
  type FilterOperation,
} from '../../../domain/segments/filterTree';

/**
 * Compiles a validated filter tree to ONE parameterised SQL condition over the master companies (alias `c`).
 * Every value, list, JSON key and source key travels as a bind parameter; the only SQL text comes from the constant
 * column maps below, chosen by enum values the zod schema already checked. Nothing from input is spliced.
 */
const COMPANY_COLUMNS: Readonly<Record<CompanyProfileField, SQL>> = {
  industry: sql.raw('c.industry'),
  employeeRange: sql.raw('c.employee_range'),
  revenueRange: sql.raw('c.revenue_range'),
  country: sql.raw('c.country'),
  region: sql.raw('c.region'),
};

const CRM_COLUMNS: Readonly<Record<CrmStandardField, SQL>> = {
  name: sql.raw('a.name'),
  website: sql.raw('a.website'),
  country: sql.raw('a.country'),
  ownerName: sql.raw('a.owner_name'),
};

export function compileFilter(orgId: string, node: FilterNode): SQL {
  if (node.kind === 'group') {
    if (node.children.length === 0) return node.combinator === 'and' ? sql`TRUE` : sql`FALSE`;
    const parts = node.children.map((child) => compileFilter(orgId, child));
    return sql`(${sql.join(parts, node.combinator === 'and' ? sql` AND ` : sql` OR `)})`;
  }
  return compileCondition(orgId, node);
}

function compileCondition(orgId: string, condition: FilterCondition): SQL {
  switch (condition.kind) {
    case 'company_profile':
      return compileOperation(COMPANY_COLUMNS[condition.field], condition.operation, condition.field === 'country' ? 'code' : 'exact');
    case 'crm_field': {
      // Object.hasOwn: a synced field may be called "constructor" or "toString"; it must never reach the prototype.
      const value = Object.hasOwn(CRM_COLUMNS, condition.field) ? CRM_COLUMNS[condition.field as CrmStandardField] : sql`(a.fields ->> ${condition.field})`;
      return sql`EXISTS (SELECT 1 FROM crm_account_companies l JOIN crm_accounts a ON a.org_id = l.org_id AND a.provider = l.provider AND a.external_id = l.external_id WHERE l.org_id = ${orgId} AND l.provider = ${condition.system} AND l.company_id = c.id AND ${compileOperation(value, condition.operation, 'folded')})`;
    }
    case 'in_crm_report':
    case 'in_crm_list':
    case 'in_uploaded_list':
      return sql`EXISTS (SELECT 1 FROM segment_source_companies s WHERE s.org_id = ${orgId} AND s.source_key = ${sourceKeyOf(condition)} AND s.company_id = c.id)`;
  }
}

/**
 * 'exact': company profile values are picked from the values the master holds (GET /api/segments/filter-fields) and
 * compared exactly so the profile indexes serve the query; country codes are upper-cased first. 'folded': CRM
 * values are free text typed in the CRM, compared case-insensitively.
 */
type Comparison = 'exact' | 'code' | 'folded';

function compileOperation(column: SQL, operation: FilterOperation, comparison: Comparison): SQL {
  switch (operation.op) {
    case 'equals':
      if (comparison === 'folded') return sql`lower(${column}) = lower(${operation.value})`;
      return sql`${column} = ${comparison === 'code' ? operation.value.toUpperCase() : operation.value}`;
    case 'in':
      if (comparison === 'folded') return sql`lower(${column}) = ANY(${sql.param(operation.values.map((value) => value.toLowerCase()))}::text[])`;
      return sql`${column} = ANY(${sql.param(comparison === 'code' ? operation.values.map((value) => value.toUpperCase()) : [...operation.values])}::text[])`;
    case 'contains':
      return sql`${column} ILIKE ${`%${escapeLike(operation.value)}%`} ESCAPE '\\'`;
    case 'is_empty': {
      const isEmpty = sql`(${column} IS NULL OR btrim(${column}) = '')`;
      return operation.isEmpty ? isEmpty : sql`NOT ${isEmpty}`;
    }
    case 'range':
      return compileRange(column, operation.min, operation.max);
  }
}

function compileRange(column: SQL, min: number | string | undefined, max: number | string | undefined): SQL {
  const bound = min ?? max;
  if (typeof bound === 'number') {
    // CASE guarantees the cast only runs on numeric text; free text in a CRM field never makes the query fail.
    const numeric = sql`(CASE WHEN btrim(${column}) ~ '^-?[0-9]+(\\.[0-9]+)?$' THEN btrim(${column})::numeric END)`;
    const parts: SQL[] = [];
    if (typeof min === 'number') parts.push(sql`${numeric} >= ${min}`);
    if (typeof max === 'number') parts.push(sql`${numeric} <= ${max}`);
    return sql`(${sql.join(parts, sql` AND `)})`;
  }
  // ISO dates compare correctly as text.
  const parts: SQL[] = [];
  if (typeof min === 'string') parts.push(sql`${column} >= ${min}`);
  if (typeof max === 'string') parts.push(sql`${column} <= ${max}`);
  return parts.length > 0 ? sql`(${sql.join(parts, sql` AND `)})` : sql`TRUE`;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** SELECT count(*) of the master companies the filter selects. */
export function countFilterQuery(orgId: string, filter: FilterNode): SQL {
  return sql`SELECT count(*)::int AS n FROM companies c WHERE ${visibleTo(orgId)} AND ${compileFilter(orgId, filter)}`;
}

/** The ids of the master companies the filter selects, optionally only among `restrictTo`. */
export function selectFilterQuery(orgId: string, filter: FilterNode, restrictTo?: readonly string[]): SQL {
  const restriction = restrictTo ? sql` AND c.id = ANY(${sql.param([...restrictTo])}::text[])` : sql``;
  return sql`SELECT c.id AS company_id FROM companies c WHERE ${visibleTo(orgId)} AND ${compileFilter(orgId, filter)}${restriction}`;
}

/** The master companies and the organisation's private ones; never another organisation's private companies. */
function visibleTo(orgId: string): SQL {
  return sql`(c.org_id IS NULL OR c.org_id = ${orgId})`;
}
