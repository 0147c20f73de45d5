import { z } from 'zod';

/**
 * A segment's filter: a typed tree of AND/OR groups over conditions. Parsed with zod at every boundary, validated
 * by validateFilter(), compiled to one parameterised SQL query by adapters/db/segments/compileFilter.ts. Values are
 * data, never SQL: field names of CRM records are looked up as JSON keys through parameters.
 */

/** Company profile fields of the master company database. */
export const COMPANY_PROFILE_FIELDS = ['industry', 'employeeRange', 'revenueRange', 'country', 'region'] as const;
export type CompanyProfileField = (typeof COMPANY_PROFILE_FIELDS)[number];
export const COMPANY_PROFILE_LABELS: Readonly<Record<CompanyProfileField, string>> = {
  industry: 'Industry',
  employeeRange: 'Employee Range',
  revenueRange: 'Revenue Range',
  country: 'Country',
  region: 'Region',
};

/** CRM account columns every synced record has; anything else is read from the record's synced fields by name. */
export const CRM_STANDARD_FIELDS = ['name', 'website', 'country', 'ownerName'] as const;
export type CrmStandardField = (typeof CRM_STANDARD_FIELDS)[number];

export const FILTER_OPERATORS = ['equals', 'in', 'contains', 'range', 'is_empty'] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

const MAX_TEXT = 500;
const MAX_LIST = 1_000;
export const MAX_FILTER_DEPTH = 5;
export const MAX_FILTER_CONDITIONS = 100;

const text = z.string().trim().min(1, 'must not be empty').max(MAX_TEXT);
const rangeBound = z.union([z.number().finite(), z.string().trim().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/, 'must be a number or an ISO date')]);

export const filterOperation = z.discriminatedUnion('op', [
  z.object({ op: z.literal('equals'), value: text }),
  z.object({ op: z.literal('in'), values: z.array(text).min(1, 'pick at least one value').max(MAX_LIST) }),
  z.object({ op: z.literal('contains'), value: text }),
  z.object({ op: z.literal('range'), min: rangeBound.optional(), max: rangeBound.optional() }),
  z.object({ op: z.literal('is_empty'), isEmpty: z.boolean().default(true) }),
]);
export type FilterOperation = z.infer<typeof filterOperation>;

export const companyProfileCondition = z.object({
  kind: z.literal('company_profile'),
  field: z.enum(COMPANY_PROFILE_FIELDS),
  operation: filterOperation,
});

export const crmFieldCondition = z.object({
  kind: z.literal('crm_field'),
  /** CRM or MAP system the field comes from; only CRM accounts are synced so far. */
  system: z.enum(['salesforce', 'dynamics']),
  object: z.literal('account').default('account'),
  /** A standard column (name, website, country, ownerName) or the API name of a synced field (Industry, Type, Custom__c). */
  field: z.string().trim().min(1).max(200).regex(/^[A-Za-z][A-Za-z0-9_.]*$/, 'must be a CRM field API name'),
  operation: filterOperation,
});

/** "Accounts in Salesforce Report" / "Salesforce Account List": companies the CRM source resolved to when last read. */
export const crmSourceCondition = z.object({
  kind: z.enum(['in_crm_report', 'in_crm_list']),
  provider: z.enum(['salesforce', 'dynamics']),
  sourceId: z.string().trim().min(1).max(100),
  sourceName: z.string().max(300).optional(),
});

/** "Uploaded Account List": companies an uploaded file matched. */
export const uploadedListCondition = z.object({
  kind: z.literal('in_uploaded_list'),
  uploadId: z.string().uuid(),
  fileName: z.string().max(300).optional(),
});

export const filterCondition = z.discriminatedUnion('kind', [companyProfileCondition, crmFieldCondition, crmSourceCondition, uploadedListCondition]);
export type FilterCondition = z.infer<typeof filterCondition>;

export interface FilterGroup {
  kind: 'group';
  combinator: 'and' | 'or';
  /** Conditions and nested groups; an empty AND group matches everything. */
  children: FilterNode[];
}
export type FilterNode = FilterCondition | FilterGroup;

export const filterGroup = z.object({
  kind: z.literal('group'),
  combinator: z.enum(['and', 'or']),
  get children(): z.ZodArray<z.ZodType<FilterNode>> {
    return z.array(filterNode).max(MAX_FILTER_CONDITIONS);
  },
});
/** One discriminated union, so a bad condition gets a specific message rather than "Invalid input". */
export const filterNode: z.ZodType<FilterNode> = z.discriminatedUnion('kind', [companyProfileCondition, crmFieldCondition, crmSourceCondition, uploadedListCondition, filterGroup]);

/** Convenience builders for tests and callers. */
export const and = (...children: FilterNode[]): FilterGroup => ({ kind: 'group', combinator: 'and', children });
export const or = (...children: FilterNode[]): FilterGroup => ({ kind: 'group', combinator: 'or', children });

/** Visits every condition of a tree. */
export function conditionsOf(node: FilterNode): FilterCondition[] {
  if (node.kind !== 'group') return [node];
  return node.children.flatMap(conditionsOf);
}

/** The source key under which a list/report/upload's companies are stored (segment_source_companies). */
export function sourceKeyOf(condition: Extract<FilterCondition, { kind: 'in_crm_report' | 'in_crm_list' | 'in_uploaded_list' }>): string {
  if (condition.kind === 'in_uploaded_list') return `upload:${condition.uploadId}`;
  return crmSourceKey(condition.provider, condition.kind === 'in_crm_report' ? 'report' : 'list_view', condition.sourceId);
}

export function crmSourceKey(provider: string, kind: string, sourceId: string): string {
  return `crm:${provider}:${kind}:${sourceId}`;
}
