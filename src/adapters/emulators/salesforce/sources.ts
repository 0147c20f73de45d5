import type { SObjectRecord } from './state';

/** A list view on Account, as the org's admin defined it. Its query is composed from these parts (listViewQuery). */
export interface ListViewDefinition {
  readonly id: string;
  readonly developerName: string;
  readonly label: string;
  readonly sobjectType: 'Account';
  /** Visible columns (field paths); the hidden Id/CreatedDate/LastModifiedDate/SystemModstamp/Owner.Id/OwnerId follow. */
  readonly columns: readonly string[];
  /** The filter as SOQL, undefined for none. */
  readonly whereSoql: string | undefined;
  /** Filter scope: `everything` (All Accounts) or `mine` (My Accounts). */
  readonly scope: 'everything' | 'mine';
  readonly orderBy: { readonly field: string; readonly isDescending: boolean };
  /** Private views of another user are invisible to the integration user: absent from the list, 404 by id. */
  isPublic: boolean;
  readonly createdById: string;
}

export interface ReportCell {
  readonly label: string;
  readonly value: string | number | boolean | null | { amount: number; currency: null };
}

/** A report column: the API name in detailColumns, its detailColumnInfo, and how a cell is read from a record. */
export interface ReportColumnDefinition {
  readonly key: string;
  readonly label: string;
  readonly dataType: 'id' | 'string' | 'url' | 'email' | 'picklist' | 'boolean' | 'int' | 'currency' | 'datetime' | 'date' | 'textarea';
  readonly cell: (record: SObjectRecord, lookup: (id: string | null) => SObjectRecord | undefined) => ReportCell;
}

export type ReportFormat = 'TABULAR' | 'SUMMARY' | 'MATRIX';

export interface ReportDefinition {
  readonly id: string;
  readonly name: string;
  readonly developerName: string;
  readonly folderName: string;
  readonly folderId: string;
  readonly format: ReportFormat;
  readonly reportType: { readonly type: string; readonly label: string };
  /** Which records the report's rows come from. */
  readonly rowSObject: 'Account' | 'Contact' | 'Lead';
  readonly detailColumns: readonly ReportColumnDefinition[];
  /** Column keys grouped down (SUMMARY, MATRIX) and across (MATRIX). Must be among detailColumns. */
  readonly groupingsDown: readonly string[];
  readonly groupingsAcross: readonly string[];
  /** Shown in reportMetadata.reportFilters. */
  readonly reportFilters: readonly { readonly column: string; readonly operator: string; readonly value: string }[];
  readonly rowFilter: (record: SObjectRecord) => boolean;
  /** `organization` (All …) or `user` (My …: only rows the running user owns). */
  readonly scope: 'organization' | 'user';
  readonly ownerId: string;
  /** The integration user may not read it: describe and run answer 403 INSUFFICIENT_ACCESS. */
  isAccessible: boolean;
}
