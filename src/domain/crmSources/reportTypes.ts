import type { CrmObjectType } from '../integrations/crmObjectTypes';

/**
 * The standard Salesforce report types a segment may be synced from (crm-sync-segments.txt; API names from
 * reference/salesforce.md §7.3) and the object whose ID column each must carry.
 */
export const SUPPORTED_REPORT_TYPES: Readonly<Record<string, { readonly label: string; readonly objectType: CrmObjectType }>> = {
  AccountList: { label: 'Accounts', objectType: 'account' },
  AccountAuditHistory: { label: 'Account History', objectType: 'account' },
  AccountTeam: { label: 'Account with Account Teams', objectType: 'account' },
  AccountAsset: { label: 'Accounts with Assets', objectType: 'account' },
  AccountContactRole: { label: 'Accounts with Contact Roles', objectType: 'account' },
  AccountPartner: { label: 'Accounts with Partners', objectType: 'account' },
  ContactList: { label: 'Contacts', objectType: 'contact' },
  ContactAuditHistory: { label: 'Contact History', objectType: 'contact' },
  ContactAsset: { label: 'Contacts with Assets', objectType: 'contact' },
  LeadList: { label: 'Leads', objectType: 'lead' },
  LeadAuditHistory: { label: 'Leads History', objectType: 'lead' },
  OpportunityLead: { label: 'Leads with Converted Lead Information', objectType: 'lead' },
};

export type ReportTypeClass =
  | { readonly kind: 'supported'; readonly objectType: CrmObjectType }
  | { readonly kind: 'custom' }
  | { readonly kind: 'unsupported' };

/** Custom report types carry the developer name of the custom type, which ends in __c (reference §7.3, "Unknown"). */
export function classifyReportType(type: string): ReportTypeClass {
  const supported = SUPPORTED_REPORT_TYPES[type];
  if (supported) return { kind: 'supported', objectType: supported.objectType };
  if (/__c$/i.test(type)) return { kind: 'custom' };
  return { kind: 'unsupported' };
}

export const OBJECT_LABELS: Readonly<Record<CrmObjectType, 'Account' | 'Contact' | 'Lead'>> = {
  account: 'Account',
  contact: 'Contact',
  lead: 'Lead',
};

export interface ReportColumn {
  /** Column API name (detailColumns entry), e.g. ACCOUNT_ID or Account.Legacy_Id__c. */
  readonly key: string;
  readonly dataType: string;
  readonly label: string;
}

/**
 * The standard ID column of the object: an id-typed column labelled "<Object> ID" (or keyed <OBJECT>_ID), never a custom
 * field (a look-alike custom column does not count, crm-sync-segments.txt).
 */
export function findIdColumn(columns: readonly ReportColumn[], objectType: CrmObjectType): ReportColumn | undefined {
  const label = OBJECT_LABELS[objectType];
  const keyPattern = new RegExp(`(^|\\.)${label.toUpperCase()}_ID$`, 'i');
  return columns.find(
    (column) =>
      column.dataType.toLowerCase() === 'id' &&
      !/__c$/i.test(column.key) &&
      (column.label.trim().toLowerCase() === `${label.toLowerCase()} id` || keyPattern.test(column.key)),
  );
}
