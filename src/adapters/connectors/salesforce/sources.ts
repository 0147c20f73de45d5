import type { z } from 'zod';
import { CRM_MESSAGES, LIST_VIEW_MAX_ACCOUNTS_EXCLUSIVE } from '../../../domain/crmSources/messages';
import type { ReportColumn } from '../../../domain/crmSources/reportTypes';
import { listViewProblems, reportVerdict, type ReportVerdict } from '../../../domain/crmSources/validateSource';
import { CrmConnectorError, isCrmConnectorError } from '../../../domain/integrations/crmErrors';
import type { CrmRecord, CrmSourceRecords, CrmSourceSummary } from '../../../ports/crmConnector';
import { dataPath, type SalesforceClient } from './client';
import { hiddenFields, reportRowCount, reportRows, reportRowToRecord, toCrmRecord, whereConditionFields } from './map';
import { SALESFORCE } from './provider';
import { listViewDescribe, listViewList, queryPage, reportDescribe, reportRun, recentReports, sobjectDescribe, type ReportDescribe } from './wire';

/** Account list views and reports: listing with rule checks (§6, §7) and fetching their records. */

interface AccountFieldVisibility {
  readonly fieldNames: ReadonlySet<string>;
  readonly relationshipNames: ReadonlySet<string>;
}

async function accountFieldVisibility(client: SalesforceClient): Promise<AccountFieldVisibility> {
  const describe = await client.getJson({ path: dataPath('/sobjects/Account/describe') }, sobjectDescribe);
  const relationshipNames = new Set<string>();
  for (const field of describe.fields) {
    const relationshipName = (field as { relationshipName?: unknown }).relationshipName;
    if (typeof relationshipName === 'string') relationshipNames.add(relationshipName);
  }
  return { fieldNames: new Set(describe.fields.map((field) => field.name)), relationshipNames };
}

/**
 * Salesforce does not expose a list view's sharing (reference §6 "Unknown"): only views the integration user can see
 * are listed. A view scoped to the user's own records ("My Accounts", scope `mine`) is personal, not public.
 */
function isPublicScope(scope: string | null | undefined): boolean {
  return scope !== 'mine' && scope !== 'mine_and_my_groups';
}

function listViewSummary(
  id: string,
  name: string,
  facts: { objectName: string; scope: string | null | undefined; accountCount: number | undefined; hiddenFilterFields: string[] },
): CrmSourceSummary {
  const problems = listViewProblems({ ...facts, isPublic: isPublicScope(facts.scope) });
  return {
    id,
    name,
    kind: 'list_view',
    objectType: facts.objectName.toLowerCase() === 'account' ? 'account' : 'other',
    rowCount: facts.accountCount,
    isUsable: problems.length === 0,
    problems,
    details: { scope: facts.scope ?? null, hiddenFilterFields: facts.hiddenFilterFields.join(', ') || null },
  };
}

async function inspectListView(client: SalesforceClient, view: { id: string; label: string }, visibility: AccountFieldVisibility) {
  const describe = await client.getJson({ path: dataPath(`/sobjects/Account/listviews/${view.id}/describe`) }, listViewDescribe);
  const hiddenFilterFields = hiddenFields(whereConditionFields(describe.whereCondition), visibility.fieldNames, visibility.relationshipNames);
  return { describe, hiddenFilterFields };
}

async function countListView(client: SalesforceClient, soql: string): Promise<number> {
  // The first page's totalSize counts the whole view; a small batch keeps the call cheap.
  const page = await client.getJson({ path: dataPath('/query'), query: { q: soql }, headers: { 'sforce-query-options': 'batchSize=200' } }, queryPage);
  return page.totalSize;
}

export async function listListViews(client: SalesforceClient): Promise<CrmSourceSummary[]> {
  const views: Array<{ id: string; label: string }> = [];
  let next: string | undefined = dataPath('/sobjects/Account/listviews');
  while (next) {
    const page: z.output<typeof listViewList> = await client.getJson({ path: next }, listViewList);
    views.push(...page.listviews);
    next = page.done === false && page.nextRecordsUrl ? page.nextRecordsUrl : undefined;
  }
  if (views.length === 0) return [];
  const visibility = await accountFieldVisibility(client);
  const summaries: CrmSourceSummary[] = [];
  for (const view of views) {
    try {
      const { describe, hiddenFilterFields } = await inspectListView(client, view, visibility);
      const accountCount = hiddenFilterFields.length > 0 ? undefined : await countListView(client, describe.query);
      summaries.push(listViewSummary(view.id, view.label, { objectName: describe.sobjectType, scope: describe.scope, accountCount, hiddenFilterFields }));
    } catch (error) {
      if (!isCrmConnectorError(error) || error.kind !== 'permanent') throw error;
      // A view whose describe or query the user may not run uses fields (or records) the integration cannot see.
      const problems = [error.httpStatus === 404 ? CRM_MESSAGES.sourceNotFound : CRM_MESSAGES.listViewFieldsNotPermitted];
      summaries.push({ id: view.id, name: view.label, kind: 'list_view', objectType: 'account', rowCount: undefined, isUsable: false, problems, details: { error: error.code } });
    }
  }
  return summaries;
}

export async function fetchListViewRecords(client: SalesforceClient, viewId: string): Promise<CrmSourceRecords> {
  const visibility = await accountFieldVisibility(client);
  const { describe, hiddenFilterFields } = await inspectListView(client, { id: viewId, label: viewId }, visibility);
  const refuse = (message: string, code: string) => new CrmConnectorError('permanent', code, message);
  const name = (describe as { label?: unknown }).label;
  let records: CrmRecord[] = [];
  let accountCount: number | undefined;
  const earlyProblems = listViewProblems({ objectName: describe.sobjectType, isPublic: isPublicScope(describe.scope), accountCount: undefined, hiddenFilterFields });
  if (earlyProblems[0]) throw refuse(earlyProblems[0], 'list_view_invalid');
  // §6: the results resource stops at 2,000 rows; the describe query pages past it through nextRecordsUrl.
  let next: string | undefined;
  let isFirst = true;
  try {
    while (isFirst || next) {
      const page = isFirst
        ? await client.getJson({ path: dataPath('/query'), query: { q: describe.query } }, queryPage)
        : await client.getJson({ path: next ?? '' }, queryPage);
      if (isFirst && page.totalSize >= LIST_VIEW_MAX_ACCOUNTS_EXCLUSIVE) throw refuse(CRM_MESSAGES.listViewTooLarge, 'list_view_too_large');
      isFirst = false;
      accountCount = page.totalSize;
      records = records.concat(page.records.map((record) => toCrmRecord('account', record)));
      next = page.done ? undefined : (page.nextRecordsUrl ?? undefined);
    }
  } catch (error) {
    if (isCrmConnectorError(error) && error.kind === 'permanent' && error.code === 'INVALID_FIELD') {
      throw refuse(CRM_MESSAGES.listViewFieldsNotPermitted, 'list_view_fields_not_permitted');
    }
    throw error;
  }
  const source = listViewSummary(viewId, typeof name === 'string' ? name : viewId, { objectName: describe.sobjectType, scope: describe.scope, accountCount, hiddenFilterFields });
  return { source, records };
}

function reportColumns(describe: ReportDescribe): ReportColumn[] {
  const info = describe.reportExtendedMetadata?.detailColumnInfo ?? {};
  return describe.reportMetadata.detailColumns.map((key) => ({ key, dataType: info[key]?.dataType ?? 'string', label: info[key]?.label ?? key }));
}

function isPermissionError(error: unknown): error is CrmConnectorError {
  return isCrmConnectorError(error) && error.kind === 'permanent' && error.httpStatus === 403;
}

/** Reports live in folders; Private Reports and personal folders (owned by a user, id 005…) are not public. */
function isPublicFolder(folderName: string | undefined, folderId: string | null | undefined): boolean | undefined {
  if (folderName !== undefined && (SALESFORCE.privateReportFolders as readonly string[]).includes(folderName)) return false;
  if (folderId && folderId.startsWith('005')) return false;
  return folderName === undefined && !folderId ? undefined : true;
}

function reportSummary(id: string, name: string, verdict: ReportVerdict, details: CrmSourceSummary['details'], rowCount: number | undefined): CrmSourceSummary {
  return { id, name, kind: 'report', objectType: verdict.objectType, rowCount, isUsable: verdict.problems.length === 0, problems: verdict.problems, details };
}

async function listReportHeaders(client: SalesforceClient): Promise<Array<{ id: string; name: string; folderName: string | undefined; format: string | undefined }>> {
  // §7.2: the analytics list holds only recently viewed reports; the Report object lists them all.
  try {
    const headers: Array<{ id: string; name: string; folderName: string | undefined; format: string | undefined }> = [];
    let next: string | undefined;
    let isFirst = true;
    while (isFirst || next) {
      const page = isFirst
        ? await client.getJson({ path: dataPath('/query'), query: { q: 'SELECT Id, Name, DeveloperName, FolderName, Format FROM Report ORDER BY Name' } }, queryPage)
        : await client.getJson({ path: next ?? '' }, queryPage);
      isFirst = false;
      for (const record of page.records) {
        if (typeof record.Id !== 'string') continue;
        headers.push({
          id: record.Id,
          name: typeof record.Name === 'string' ? record.Name : record.Id,
          folderName: typeof record.FolderName === 'string' ? record.FolderName : undefined,
          format: typeof record.Format === 'string' ? record.Format : undefined,
        });
      }
      next = page.done ? undefined : (page.nextRecordsUrl ?? undefined);
    }
    return headers;
  } catch (error) {
    if (!isCrmConnectorError(error) || error.kind !== 'permanent' || error.httpStatus !== 400) throw error;
    const recent = await client.getJson({ path: dataPath('/analytics/reports') }, recentReports);
    return recent.map((report) => ({ id: report.id, name: report.name, folderName: undefined, format: undefined }));
  }
}

export async function listReports(client: SalesforceClient): Promise<CrmSourceSummary[]> {
  const summaries: CrmSourceSummary[] = [];
  for (const header of await listReportHeaders(client)) {
    try {
      const describe = await client.getJson({ path: dataPath(`/analytics/reports/${header.id}/describe`) }, reportDescribe);
      // Running without details returns the grand total (RowCount) cheaply.
      const run = await client.getJson({ path: dataPath(`/analytics/reports/${header.id}`), query: { includeDetails: 'false' } }, reportRun);
      const rowCount = reportRowCount(run);
      const metadata = describe.reportMetadata;
      const verdict = reportVerdict({
        reportType: metadata.reportType.type,
        columns: reportColumns(describe),
        isPublic: isPublicFolder(header.folderName, metadata.folderId),
        rowCount,
        isAllData: undefined,
        isPermissionDenied: false,
      });
      summaries.push(reportSummary(header.id, header.name, verdict, {
        format: metadata.reportFormat,
        reportType: metadata.reportType.type,
        reportTypeLabel: metadata.reportType.label ?? null,
        folder: header.folderName ?? null,
      }, rowCount));
    } catch (error) {
      if (!isPermissionError(error)) throw error;
      const verdict = reportVerdict({ reportType: '', columns: [], isPublic: undefined, rowCount: undefined, isAllData: undefined, isPermissionDenied: true });
      summaries.push(reportSummary(header.id, header.name, verdict, { format: header.format ?? null, reportType: null, reportTypeLabel: null, folder: header.folderName ?? null }, undefined));
    }
  }
  return summaries;
}

export async function fetchReportRecords(client: SalesforceClient, reportId: string): Promise<CrmSourceRecords> {
  const permissionDenied = () => new CrmConnectorError('permanent', 'report_permission_denied', CRM_MESSAGES.reportInsufficientPermissions, { httpStatus: 403 });
  let describe: ReportDescribe;
  try {
    describe = await client.getJson({ path: dataPath(`/analytics/reports/${reportId}/describe`) }, reportDescribe);
  } catch (error) {
    throw isPermissionError(error) ? permissionDenied() : error;
  }
  const columns = reportColumns(describe);
  const metadata = describe.reportMetadata;
  const facts = { reportType: metadata.reportType.type, columns, isPublic: isPublicFolder(undefined, metadata.folderId), isPermissionDenied: false };
  const before = reportVerdict({ ...facts, rowCount: undefined, isAllData: undefined });
  if (before.problems[0]) throw new CrmConnectorError('permanent', 'report_invalid', before.problems[0]);
  let run;
  try {
    run = await client.getJson({ path: dataPath(`/analytics/reports/${reportId}`), query: { includeDetails: 'true' } }, reportRun);
  } catch (error) {
    throw isPermissionError(error) ? permissionDenied() : error;
  }
  const rowCount = reportRowCount(run);
  const verdict = reportVerdict({ ...facts, rowCount, isAllData: run.allData });
  if (verdict.problems[0]) throw new CrmConnectorError('permanent', 'report_invalid', verdict.problems[0]);
  if (verdict.objectType === 'other' || !verdict.idColumnKey) throw new Error('a valid report verdict names its object and ID column');
  const objectType = verdict.objectType;
  const idColumnKey = verdict.idColumnKey;
  const seen = new Set<string>();
  const records: CrmRecord[] = [];
  for (const cells of reportRows(run)) {
    const record = reportRowToRecord(objectType, columns, idColumnKey, cells);
    if (!record || seen.has(record.externalId)) continue;
    seen.add(record.externalId);
    records.push(record);
  }
  const source = reportSummary(reportId, metadata.name, verdict, { format: metadata.reportFormat, reportType: metadata.reportType.type, reportTypeLabel: metadata.reportType.label ?? null, folder: null }, rowCount ?? records.length);
  return { source, records };
}
