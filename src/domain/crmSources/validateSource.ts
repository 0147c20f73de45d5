import type { CrmObjectType } from '../integrations/crmObjectTypes';
import { CRM_MESSAGES, LIST_VIEW_MAX_ACCOUNTS_EXCLUSIVE, REPORT_MAX_ROWS } from './messages';
import { classifyReportType, findIdColumn, OBJECT_LABELS, type ReportColumn } from './reportTypes';

/** What a connector learned about a list view (Salesforce list view or Dynamics account view). */
export interface ListViewFacts {
  /** The object the view lists (Account, account, Contact, …). */
  readonly objectName: string;
  /** Public (shared) view; false for private/personal views or a "My …" scope; undefined when unknown. */
  readonly isPublic: boolean | undefined;
  /** Records the view holds, when counted. */
  readonly accountCount: number | undefined;
  /** Fields used in the view's filters that the integration user cannot see. */
  readonly hiddenFilterFields: readonly string[];
}

/** Every rule of "Sync from CRM Account Lists" the view breaks, as verbatim messages (empty = usable). */
export function listViewProblems(facts: ListViewFacts): string[] {
  const problems: string[] = [];
  if (facts.objectName.toLowerCase() !== 'account') problems.push(CRM_MESSAGES.listViewNotAccountList);
  if (facts.isPublic === false) problems.push(CRM_MESSAGES.listViewNotPublic);
  if (facts.accountCount !== undefined && facts.accountCount >= LIST_VIEW_MAX_ACCOUNTS_EXCLUSIVE) {
    problems.push(CRM_MESSAGES.listViewTooLarge);
  }
  if (facts.hiddenFilterFields.length > 0) problems.push(CRM_MESSAGES.listViewFieldsNotPermitted);
  return problems;
}

/** What a connector learned about a Salesforce report from describe (and, when run, the run's answer). */
export interface ReportFacts {
  /** reportMetadata.reportType.type */
  readonly reportType: string;
  readonly columns: readonly ReportColumn[];
  /** In a public folder (not Private Reports / a personal folder); undefined when unknown. */
  readonly isPublic: boolean | undefined;
  /** Record count (RowCount aggregate) when known. */
  readonly rowCount: number | undefined;
  /** The run's allData flag: false means the rows were cut at 2,000. */
  readonly isAllData: boolean | undefined;
  /** Describe or run answered 403 (other than the API limit). */
  readonly isPermissionDenied: boolean;
}

export interface ReportVerdict {
  readonly objectType: CrmObjectType | 'other';
  readonly idColumnKey: string | undefined;
  readonly problems: string[];
}

/** Every rule of "Sync from CRM Reports" the report breaks, in the order a user should fix them. */
export function reportVerdict(facts: ReportFacts): ReportVerdict {
  if (facts.isPermissionDenied) {
    return { objectType: 'other', idColumnKey: undefined, problems: [CRM_MESSAGES.reportInsufficientPermissions] };
  }
  const problems: string[] = [];
  const typeClass = classifyReportType(facts.reportType);
  let objectType: CrmObjectType | 'other' = 'other';
  let idColumnKey: string | undefined;
  if (typeClass.kind === 'custom') problems.push(CRM_MESSAGES.reportCustomType);
  else if (typeClass.kind === 'unsupported') problems.push(CRM_MESSAGES.reportUnsupportedType);
  else {
    objectType = typeClass.objectType;
    idColumnKey = findIdColumn(facts.columns, typeClass.objectType)?.key;
    if (!idColumnKey) problems.push(CRM_MESSAGES.reportMissingIdColumn(OBJECT_LABELS[typeClass.objectType]));
  }
  if (facts.isAllData === false || (facts.rowCount !== undefined && facts.rowCount > REPORT_MAX_ROWS)) {
    problems.push(CRM_MESSAGES.reportTooManyRecords);
  }
  if (facts.isPublic === false) problems.push(CRM_MESSAGES.reportNotPublic);
  return { objectType, idColumnKey, problems };
}
