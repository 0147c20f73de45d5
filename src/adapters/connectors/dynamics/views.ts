import type { CrmSourceRecords, CrmSourceRef, CrmSourceSummary } from '../../../ports/crmConnector';
import { CRM_MESSAGES, LIST_VIEW_MAX_ACCOUNTS_EXCLUSIVE } from '../../../domain/crmSources/messages';
import { listViewProblems } from '../../../domain/crmSources/validateSource';
import { CrmConnectorError } from '../../../domain/integrations/crmErrors';
import type { DynamicsClient } from './client';
import { DYNAMICS_FAILURE_CODES } from './errors';
import { fetchEntityName, filterAttributes, readPagingCookie, withAttributes, withPaging } from './fetchXmlPaging';
import { toCrmRecord } from './map';
import { DYNAMICS_PROVIDER } from './provider';
import { collectionSchema, savedQuerySchema, userQuerySchema, type WireRecord } from './wire';

const FETCH_PREFER = 'odata.include-annotations="Microsoft.Dynamics.CRM.fetchxmlpagingcookie,Microsoft.Dynamics.CRM.morerecords,OData.Community.Display.V1.FormattedValue"';
const SAVED_QUERY_SELECT = '$select=name,savedqueryid,returnedtypecode,querytype,isdefault,iscustomizable,fetchxml,description';
const USER_QUERY_SELECT = '$select=name,userqueryid,returnedtypecode,querytype,fetchxml,description,_ownerid_value';

/** A view as this connector sees it: system views are public, personal views are not (reference §3). */
interface ViewDescription {
  readonly ref: CrmSourceRef;
  readonly name: string;
  readonly returnedTypeCode: string;
  readonly fetchXml: string;
  readonly details: Record<string, string | number | boolean | null>;
}

function parseCollection(body: unknown): ReturnType<typeof collectionSchema.parse> {
  const parsed = collectionSchema.safeParse(body);
  if (!parsed.success) throw new CrmConnectorError('permanent', 'bad_response', 'Dynamics 365 answered with an unexpected collection body.');
  return parsed.data;
}

export async function listViewDescriptions(client: DynamicsClient): Promise<ViewDescription[]> {
  const system = parseCollection(
    await client.getJson(`savedqueries?${SAVED_QUERY_SELECT}&$filter=${encodeURIComponent(`returnedtypecode eq 'account' and querytype eq ${DYNAMICS_PROVIDER.mainViewQueryType} and statecode eq 0`)}`),
  );
  const personal = parseCollection(await client.getJson(`userqueries?${USER_QUERY_SELECT}&$filter=${encodeURIComponent("returnedtypecode eq 'account' and statecode eq 0")}`));
  const views: ViewDescription[] = [];
  for (const row of system.value) {
    const view = savedQuerySchema.safeParse(row);
    if (!view.success || !view.data.fetchxml) continue;
    views.push({
      ref: { kind: 'saved_view', id: view.data.savedqueryid },
      name: view.data.name,
      returnedTypeCode: view.data.returnedtypecode,
      fetchXml: view.data.fetchxml,
      details: { viewType: 'system', isDefault: view.data.isdefault ?? false, isCustomizable: view.data.iscustomizable ?? null, queryType: view.data.querytype ?? null },
    });
  }
  for (const row of personal.value) {
    const view = userQuerySchema.safeParse(row);
    if (!view.success || !view.data.fetchxml) continue;
    views.push({
      ref: { kind: 'user_view', id: view.data.userqueryid },
      name: view.data.name,
      returnedTypeCode: view.data.returnedtypecode,
      fetchXml: view.data.fetchxml,
      details: { viewType: 'personal', ownerId: view.data._ownerid_value ?? null, queryType: view.data.querytype ?? null },
    });
  }
  return views;
}

/** Reads a view's accounts through FetchXML paging cookies, stopping once the 25,000-account limit is reached. */
async function readViewRows(client: DynamicsClient, fetchXml: string, pageSize: number): Promise<{ rows: WireRecord[]; isAtLimit: boolean }> {
  const query = withAttributes(fetchXml, DYNAMICS_PROVIDER.viewMatchingAttributes);
  const rows: WireRecord[] = [];
  let page = 1;
  let pagingCookie: string | undefined;
  for (;;) {
    const pagedFetch = withPaging(query, { page, count: pageSize, pagingCookie });
    const body = parseCollection(await client.getJson(`accounts?fetchXml=${encodeURIComponent(pagedFetch)}`, FETCH_PREFER));
    rows.push(...body.value);
    if (rows.length >= LIST_VIEW_MAX_ACCOUNTS_EXCLUSIVE) return { rows: rows.slice(0, LIST_VIEW_MAX_ACCOUNTS_EXCLUSIVE), isAtLimit: true };
    if (body['@Microsoft.Dynamics.CRM.morerecords'] !== true) return { rows, isAtLimit: false };
    const annotation = body['@Microsoft.Dynamics.CRM.fetchxmlpagingcookie'];
    const next = annotation === undefined ? undefined : readPagingCookie(annotation);
    // Without a cookie Dataverse still pages by number (up to 50,000 rows, reference §4).
    page = next?.pageNumber ?? page + 1;
    pagingCookie = next?.pagingCookie;
  }
}

interface ViewCheck {
  readonly summary: CrmSourceSummary;
  readonly rows: WireRecord[];
}

async function checkView(client: DynamicsClient, view: ViewDescription, pageSize: number): Promise<ViewCheck> {
  const objectName = view.returnedTypeCode || fetchEntityName(view.fetchXml) || 'other';
  const isPublic = view.ref.kind === 'saved_view';
  let rows: WireRecord[] = [];
  let accountCount: number | undefined;
  let hiddenFilterFields: string[] = [];
  if (objectName === 'account') {
    try {
      const result = await readViewRows(client, view.fetchXml, pageSize);
      rows = result.rows;
      accountCount = result.rows.length;
    } catch (error) {
      if (!(error instanceof CrmConnectorError) || error.code !== DYNAMICS_FAILURE_CODES.fieldNotPermitted) throw error;
      const named = /secured field '([^']+)'/i.exec(error.message)?.[1];
      hiddenFilterFields = named ? [named] : filterAttributes(view.fetchXml);
    }
  }
  const problems = listViewProblems({ objectName, isPublic, accountCount, hiddenFilterFields });
  const isCapped = accountCount !== undefined && accountCount >= LIST_VIEW_MAX_ACCOUNTS_EXCLUSIVE;
  return {
    rows,
    summary: {
      id: view.ref.id,
      name: view.name,
      kind: view.ref.kind,
      objectType: objectName === 'account' ? 'account' : 'other',
      rowCount: isCapped ? undefined : accountCount,
      isUsable: problems.length === 0,
      problems,
      details: { ...view.details, ...(isCapped ? { rowCountAtLeast: LIST_VIEW_MAX_ACCOUNTS_EXCLUSIVE } : {}), hiddenFilterFields: hiddenFilterFields.join(',') || null },
    },
  };
}

/** Every account view (system and personal) with its rule check; counting reads each view's rows up to the limit. */
export async function listViews(client: DynamicsClient, pageSize: number): Promise<CrmSourceSummary[]> {
  const summaries: CrmSourceSummary[] = [];
  for (const view of await listViewDescriptions(client)) summaries.push((await checkView(client, view, pageSize)).summary);
  return summaries;
}

async function describeView(client: DynamicsClient, ref: CrmSourceRef): Promise<ViewDescription> {
  if (ref.kind !== 'saved_view' && ref.kind !== 'user_view') {
    throw new CrmConnectorError('permanent', 'unsupported_source', 'Dynamics 365 segments are built from account views only; Reports are synced from Salesforce.');
  }
  const isSystem = ref.kind === 'saved_view';
  let body: unknown;
  try {
    body = await client.getJson(isSystem ? `savedqueries(${ref.id})?${SAVED_QUERY_SELECT}` : `userqueries(${ref.id})?${USER_QUERY_SELECT}`);
  } catch (error) {
    if (error instanceof CrmConnectorError && error.code === DYNAMICS_FAILURE_CODES.notFound) {
      throw new CrmConnectorError('permanent', 'source_not_found', CRM_MESSAGES.sourceNotFound);
    }
    throw error;
  }
  const parsed = isSystem ? savedQuerySchema.safeParse(body) : userQuerySchema.safeParse(body);
  if (!parsed.success || !parsed.data.fetchxml) throw new CrmConnectorError('permanent', 'bad_response', 'Dynamics 365 answered with an unexpected view body.');
  return {
    ref,
    name: parsed.data.name,
    returnedTypeCode: parsed.data.returnedtypecode,
    fetchXml: parsed.data.fetchxml,
    details: { viewType: isSystem ? 'system' : 'personal' },
  };
}

/** The accounts of one view; throws CrmConnectorError 'permanent' with the spec's message for the first broken rule. */
export async function fetchViewRecords(client: DynamicsClient, ref: CrmSourceRef, pageSize: number): Promise<CrmSourceRecords> {
  const view = await describeView(client, ref);
  // Cheap rules first, so a personal or non-account view costs no record reads.
  const cheapProblems = listViewProblems({ objectName: view.returnedTypeCode, isPublic: ref.kind === 'saved_view', accountCount: undefined, hiddenFilterFields: [] });
  if (cheapProblems[0]) throw new CrmConnectorError('permanent', 'list_view_rule', cheapProblems[0]);
  const { summary, rows } = await checkView(client, view, pageSize);
  if (summary.problems[0]) throw new CrmConnectorError('permanent', 'list_view_rule', summary.problems[0]);
  return { source: summary, records: rows.map((row) => toCrmRecord('account', row)) };
}
