import type { FastifyReply } from 'fastify';
import { ENTITY_DEFINITIONS, type EntityRow, type EntitySetName } from './entities';
import { compileFetchXml } from './fetchXml';
import { parseODataOptions, preferredPageSize, type QueryableDefinition } from './odataQuery';
import { buildOuterCookie, parseOuterCookie } from './queryEngine';
import { API_PATH, contextUrl, sendOData } from './responses';
import { ODataError, type DynamicsState, type ViewDefinition } from './state';
import { sendFetchXml, type WebApiRequest } from './webApiRoutes';

const VIEW_TABLES: Readonly<Record<'savedqueries' | 'userqueries', QueryableDefinition & { kind: ViewDefinition['kind']; primaryId: string }>> = {
  savedqueries: {
    kind: 'savedquery',
    logicalName: 'savedquery',
    primaryId: 'savedqueryid',
    attributes: ['savedqueryid', 'name', 'returnedtypecode', 'fetchxml', 'layoutxml', 'columnsetxml', 'querytype', 'isdefault', 'iscustomizable', 'statecode', 'description'],
  },
  userqueries: {
    kind: 'userquery',
    logicalName: 'userquery',
    primaryId: 'userqueryid',
    attributes: ['userqueryid', 'name', 'returnedtypecode', 'fetchxml', 'layoutxml', 'columnsetxml', 'querytype', 'statecode', 'description', '_ownerid_value'],
  },
};

function viewRow(view: ViewDefinition): EntityRow {
  const columnset = [...view.fetchxml.matchAll(/<attribute name="([^"]+)"/g)].map((match) => `<column>${match[1] ?? ''}</column>`).join('');
  const common: EntityRow = {
    name: view.name,
    returnedtypecode: view.returnedtypecode,
    fetchxml: view.fetchxml,
    layoutxml: view.layoutxml,
    columnsetxml: `<columnset version="1.0">${columnset}</columnset>`,
    querytype: view.querytype,
    statecode: view.statecode,
    description: view.description,
  };
  if (view.kind === 'savedquery') return { savedqueryid: view.id, ...common, isdefault: view.isdefault };
  return { userqueryid: view.id, ...common, _ownerid_value: view.ownerId ?? null };
}

/** iscustomizable is a managed property on the wire, not a plain boolean. */
function serializeView(view: ViewDefinition, columns: readonly string[] | undefined, table: (typeof VIEW_TABLES)['savedqueries']): Record<string, unknown> {
  const row = viewRow(view);
  const out: Record<string, unknown> = { '@odata.etag': `W/"${view.id.slice(0, 8)}"` };
  for (const column of columns ?? table.attributes) {
    if (column === 'iscustomizable') out.iscustomizable = { Value: view.iscustomizable, CanBeChanged: view.iscustomizable, ManagedPropertyLogicalName: 'iscustomizableanddeletable' };
    else out[column] = row[column] ?? null;
  }
  if (!(table.primaryId in out)) out[table.primaryId] = view.id;
  return out;
}

/** savedqueries / userqueries collections and single views; undefined when the resource is not a view table. */
export function viewRoute(state: DynamicsState, context: WebApiRequest, resource: string): FastifyReply | undefined {
  const single = /^(savedqueries|userqueries)\(([0-9a-f-]{36})\)$/i.exec(resource);
  const tableName = (single?.[1] ?? resource) as keyof typeof VIEW_TABLES;
  const table = VIEW_TABLES[tableName];
  if (!table || (!single && resource !== tableName)) return undefined;
  const options = parseODataOptions(table, Object.fromEntries(context.params));
  const visible = state.visibleViews(table.kind);
  if (single) {
    const view = visible.find((candidate) => candidate.id === (single[2] ?? '').toLowerCase());
    if (!view) throw new ODataError(404, '0x80040217', `${table.logicalName} With Id = ${single[2] ?? ''} Does Not Exist`);
    return sendOData(context.reply, { '@odata.context': `${state.orgUrl}${API_PATH}/$metadata#${tableName}/$entity`, ...serializeView(view, options.columns, table) });
  }
  const rows = visible.filter((view) => options.predicate(viewRow(view)));
  const value = rows.map((view) => serializeView(view, options.columns, table));
  return sendOData(context.reply, { '@odata.context': contextUrl(state, tableName, options.columns), value });
}

/**
 * `accounts?savedQuery=<id>` / `?userQuery=<id>` (reference §3). Past one page the emulator either gives an
 * @odata.nextLink (default) or, in 'cookieOnly' mode, only the paging-cookie and morerecords annotations (§4 Unknown).
 */
export function runViewQuery(state: DynamicsState, context: WebApiRequest, setName: EntitySetName, ref: { kind: ViewDefinition['kind']; id: string }): FastifyReply {
  const id = ref.id.replace(/[{}]/g, '').toLowerCase();
  const view = state.visibleViews(ref.kind).find((candidate) => candidate.id === id);
  if (!view) throw new ODataError(404, '0x80040217', `${ref.kind} With Id = ${ref.id} Does Not Exist`);
  if (view.returnedtypecode !== ENTITY_DEFINITIONS[setName].logicalName) {
    throw new ODataError(400, '0x80040203', `The ${ref.kind} '${view.name}' returns '${view.returnedtypecode}' records and cannot run on the '${setName}' entity set.`);
  }
  const compiled = compileFetchXml(state, view.fetchxml, setName);
  const pageSize = preferredPageSize(context.prefer) ?? compiled.pageSize;
  let pageNumber = 1;
  let pagingCookie: string | undefined;
  const skipToken = context.params.get('$skiptoken');
  if (skipToken !== null) {
    const outer = parseOuterCookie(skipToken);
    pageNumber = outer.pageNumber;
    pagingCookie = outer.innerCookie;
  }
  const paged = { ...compiled, pageSize, pageNumber, pagingCookie };
  const viewParameter = ref.kind === 'savedquery' ? 'savedQuery' : 'userQuery';
  const isCookieOnly = state.savedQueryPagingMode === 'cookieOnly';
  return sendFetchXml(state, context, paged, {
    isAlwaysAnnotatingPaging: isCookieOnly,
    addToBody: (page, body) => {
      if (isCookieOnly || !page.hasMoreRecords || !page.innerCookie) return;
      const next = new URLSearchParams({ [viewParameter]: view.id, $skiptoken: buildOuterCookie(pageNumber + 1, page.innerCookie) });
      body['@odata.nextLink'] = `${state.orgUrl}${API_PATH}/${setName}?${next.toString().replace(/\+/g, '%20')}`;
    },
  });
}
