import type { FilterCondition } from '../segments/filterTree';

/**
 * GTM segment nomination (publish-segments.txt): "Only segments created using account list upload, CRM Report
 * Sync, or CRM List Sync can be published as GTM segments", and only with these filters: Account Profile Fit,
 * Company Profile filters, CRM & MAP filters, Accounts in Salesforce Report, Salesforce Account List, Uploaded
 * Account List — "to ensure that GTM segments are not highly dynamic".
 */
export const GTM_SOURCE_TYPES = ['upload', 'crm_report', 'crm_list'] as const;
const GTM_FILTER_KINDS: ReadonlySet<string> = new Set(['company_profile', 'crm_field', 'in_crm_report', 'in_crm_list', 'in_uploaded_list', 'profile_fit']);

export const GTM_SOURCE_MESSAGE = 'Only segments created using account list upload, CRM Report Sync, or CRM List Sync can be published as GTM segments.';
export const GTM_FILTER_MESSAGE =
  'Only these filters can be used in GTM segments: Account Profile Fit, Company Profile filters, CRM & MAP filters, Accounts in Salesforce Report, Salesforce Account List and Uploaded Account List.';

/** Why a segment cannot be a GTM segment, or null when it can. */
export function gtmIneligibleReason(segment: { sourceType: string; conditions: readonly { readonly kind: FilterCondition['kind'] | (string & {}) }[] }): string | null {
  if (!(GTM_SOURCE_TYPES as readonly string[]).includes(segment.sourceType)) return GTM_SOURCE_MESSAGE;
  if (segment.conditions.some((condition) => !GTM_FILTER_KINDS.has(condition.kind))) return GTM_FILTER_MESSAGE;
  return null;
}
