import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorServer } from '../kit/emulatorServer';
import { ENTITY_DEFINITIONS, type EntitySetName } from './entities';
import { compileFetchXml, type CompiledFetch } from './fetchXml';
import { parseODataOptions, preferredAnnotations, preferredPageSize } from './odataQuery';
import { buildOuterCookie, MAX_PAGE_SIZE, parseInnerCookie, parseOuterCookie, runQuery, type QueryPage } from './queryEngine';
import { API_PATH, contextUrl, sendOData, preferenceApplied, sendODataError, serializeRow } from './responses';
import { ODataError, type DynamicsState, type SystemUser } from './state';
import { runViewQuery, viewRoute } from './viewRoutes';

const PAGING_COOKIE = 'Microsoft.Dynamics.CRM.fetchxmlpagingcookie';
const MORE_RECORDS = 'Microsoft.Dynamics.CRM.morerecords';
const ENTITY_SETS = new Set<string>(Object.keys(ENTITY_DEFINITIONS));

export interface WebApiRequest {
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
  readonly user: SystemUser;
  readonly params: URLSearchParams;
  readonly prefer: string | undefined;
}

/** The Dataverse Web API under /api/data/v9.2: tables, views, WhoAmI; one wildcard route so `accounts(<id>)` parses. */
export function registerWebApiRoutes(server: EmulatorServer, state: DynamicsState): void {
  server.app.get(`${API_PATH}/*`, async (request, reply) => {
    try {
      const user = authenticate(state, request);
      applyServiceProtection(state, reply);
      const url = new URL(request.url, 'http://emulator');
      const resource = decodeURIComponent(url.pathname.slice(API_PATH.length + 1));
      const prefer = headerText(request.headers.prefer);
      const context: WebApiRequest = { request, reply, user, params: url.searchParams, prefer };
      if (resource === 'WhoAmI' || resource === 'WhoAmI()') {
        return sendOData(reply, {
          '@odata.context': `${state.orgUrl}${API_PATH}/$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse`,
          BusinessUnitId: state.businessUnitId,
          UserId: user.systemuserid,
          OrganizationId: state.organizationId,
        });
      }
      const viewAnswer = viewRoute(state, context, resource);
      if (viewAnswer !== undefined) return viewAnswer;
      const single = /^(accounts|contacts|leads)\(([0-9a-f-]{36})\)$/i.exec(resource);
      if (single) return sendSingle(state, context, single[1] as EntitySetName, (single[2] ?? '').toLowerCase());
      if (ENTITY_SETS.has(resource)) return sendEntitySet(state, context, resource as EntitySetName);
      return reply.code(501).send({ error: `unhandled: GET ${url.pathname}` });
    } catch (error) {
      if (error instanceof ODataError) return sendODataError(reply, error);
      throw error;
    }
  });
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

/** Bearer token → user. Dataverse answers an expired or unknown token with 401 and an empty body (§5: body unknown). */
function authenticate(state: DynamicsState, request: FastifyRequest): SystemUser {
  const match = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '');
  const user = match ? state.userForAccessToken(match[1] ?? '') : undefined;
  if (!user) {
    throw new ODataError(401, '', '', {
      'WWW-Authenticate': `Bearer error="invalid_token", error_description="The access token is missing, invalid or expired", authorization_uri="${state.orgUrl}/${state.tenantId}/oauth2/v2.0/authorize"`,
    });
  }
  return user;
}

/** Reference §6: 429 + Retry-After while a penalty runs (early retries extend it); the optional daily cap. */
function applyServiceProtection(state: DynamicsState, reply: FastifyReply): void {
  const throttle = state.throttle;
  const now = state.nowMs();
  if (throttle && (throttle.remainingHits > 0 || now < throttle.untilMs)) {
    if (throttle.remainingHits > 0) throttle.remainingHits -= 1;
    throttle.untilMs = now + throttle.retryAfterSeconds * 1000;
    throw new ODataError(429, throttle.code, throttle.message, { 'Retry-After': String(throttle.retryAfterSeconds) });
  }
  if (throttle) state.throttle = undefined;
  if (!state.consumeDailyRequest()) {
    const nextDay = new Date(now);
    nextDay.setUTCHours(24, 0, 0, 0);
    const seconds = Math.max(1, Math.ceil((nextDay.getTime() - now) / 1000));
    throw new ODataError(429, '0x80072322', `Number of requests exceeded the daily limit of ${state.dailyRequestCap?.limit ?? 0} requests for this organization.`, { 'Retry-After': String(seconds) });
  }
  reply.header('x-ms-ratelimit-burst-remaining-xrm-requests', '5999');
}

export function checkReadPrivilege(state: DynamicsState, user: SystemUser, setName: EntitySetName): void {
  if (!state.deniedEntitySets.has(setName)) return;
  const logicalName = ENTITY_DEFINITIONS[setName].logicalName;
  const privilege = `prvRead${logicalName.charAt(0).toUpperCase()}${logicalName.slice(1)}`;
  throw new ODataError(403, '0x80040220', `Principal user (Id=${user.systemuserid}, type=8, roleCount=1, privilegeCount=0, accessMode=0), is missing ${privilege} privilege (Id=${privilegeId(logicalName)}) on OTC=1 for entity '${logicalName}'.`);
}

function privilegeId(logicalName: string): string {
  const hex = Buffer.from(logicalName).toString('hex').padEnd(32, '0').slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Field security: a filter or order on a column the user may not read is refused. */
export function checkFieldSecurity(state: DynamicsState, user: SystemUser, setName: EntitySetName, columns: readonly string[]): void {
  const logicalName = ENTITY_DEFINITIONS[setName].logicalName;
  const secured = state.securedColumns.get(logicalName);
  const hidden = columns.find((column) => secured?.has(column));
  if (hidden) {
    throw new ODataError(403, '0x80040220', `Principal user (Id=${user.systemuserid}, type=8) is missing read access to the secured field '${hidden}' of entity '${logicalName}' (no field security profile grants it).`);
  }
}

function sendSingle(state: DynamicsState, context: WebApiRequest, setName: EntitySetName, id: string): FastifyReply {
  checkReadPrivilege(state, context.user, setName);
  const definition = ENTITY_DEFINITIONS[setName];
  const row = state.tables[setName].byId.get(id);
  if (!row) throw new ODataError(404, '0x80040217', `${definition.logicalName} With Id = ${id} Does Not Exist`);
  const options = parseODataOptions(definition, Object.fromEntries(context.params));
  const body = serializeRow(state, setName, row, { columns: options.columns, isOmittingNulls: false, wantsAnnotation: preferredAnnotations(context.prefer) });
  return sendOData(context.reply, { '@odata.context': `${contextUrl(state, setName, options.columns)}/$entity`, ...body });
}

function sendEntitySet(state: DynamicsState, context: WebApiRequest, setName: EntitySetName): FastifyReply {
  checkReadPrivilege(state, context.user, setName);
  const { params } = context;
  const savedQuery = params.get('savedQuery');
  const userQuery = params.get('userQuery');
  const fetchXml = params.get('fetchXml');
  if (savedQuery !== null || userQuery !== null) {
    return runViewQuery(state, context, setName, savedQuery !== null ? { kind: 'savedquery', id: savedQuery } : { kind: 'userquery', id: userQuery ?? '' });
  }
  if (fetchXml !== null) return sendFetchXml(state, context, compileFetchXml(state, fetchXml, setName));
  return sendODataQuery(state, context, setName);
}

function sendODataQuery(state: DynamicsState, context: WebApiRequest, setName: EntitySetName): FastifyReply {
  const definition = ENTITY_DEFINITIONS[setName];
  const query = Object.fromEntries(context.params);
  const options = parseODataOptions(definition, query);
  const requestedPageSize = preferredPageSize(context.prefer);
  const pageSize = requestedPageSize ?? MAX_PAGE_SIZE;
  let pageNumber = 1;
  let after;
  const skipToken = context.params.get('$skiptoken');
  if (skipToken !== null) {
    const outer = parseOuterCookie(skipToken);
    const inner = parseInnerCookie(setName, options.order, outer.innerCookie);
    pageNumber = outer.pageNumber;
    after = inner.after;
  }
  const page = runQuery(state, { setName, predicate: options.predicate, order: options.order, pageSize, pageNumber, after, top: options.top });
  const wantsAnnotation = preferredAnnotations(context.prefer);
  const body: Record<string, unknown> = { '@odata.context': contextUrl(state, setName, options.columns) };
  if (query.$count === 'true') body['@odata.count'] = Math.min(MAX_PAGE_SIZE, state.tables[setName].rows.filter(options.predicate).length);
  body.value = page.rows.map((row) => serializeRow(state, setName, row, { columns: options.columns, isOmittingNulls: false, wantsAnnotation }));
  if (page.hasMoreRecords && page.innerCookie) {
    const next = new URLSearchParams(context.params);
    next.delete('$skiptoken');
    next.set('$skiptoken', buildOuterCookie(pageNumber + 1, page.innerCookie));
    body['@odata.nextLink'] = `${state.orgUrl}${API_PATH}/${setName}?${next.toString().replace(/\+/g, '%20')}`;
  }
  preferenceApplied(context.reply, [
    ...(requestedPageSize ? [`odata.maxpagesize=${requestedPageSize}`] : []),
    ...(/odata\.include-annotations/i.test(context.prefer ?? '') ? [/odata\.include-annotations\s*=\s*"[^"]*"/i.exec(context.prefer ?? '')?.[0] ?? ''] : []),
  ]);
  return sendOData(context.reply, body);
}

/** Runs compiled FetchXML: nulls omitted, paging cookie + morerecords annotations when asked for and more remain. */
export function sendFetchXml(
  state: DynamicsState,
  context: WebApiRequest,
  compiled: CompiledFetch,
  options: { isAlwaysAnnotatingPaging?: boolean; addToBody?: (page: QueryPage, body: Record<string, unknown>) => void } = {},
): FastifyReply {
  const page = runCompiledFetch(state, context.user, compiled);
  const wantsAnnotation = preferredAnnotations(context.prefer);
  const body: Record<string, unknown> = { '@odata.context': contextUrl(state, compiled.setName, compiled.columns) };
  if (page.hasMoreRecords && page.innerCookie) {
    const isAlways = options.isAlwaysAnnotatingPaging === true;
    if (isAlways || wantsAnnotation(PAGING_COOKIE)) body[`@${PAGING_COOKIE}`] = buildOuterCookie(compiled.pageNumber + 1, page.innerCookie);
    if (isAlways || wantsAnnotation(MORE_RECORDS)) body[`@${MORE_RECORDS}`] = true;
  }
  options.addToBody?.(page, body);
  body.value = page.rows.map((row) => serializeRow(state, compiled.setName, row, { columns: compiled.columns, isOmittingNulls: true, wantsAnnotation }));
  return sendOData(context.reply, body);
}

export function runCompiledFetch(state: DynamicsState, user: SystemUser, compiled: CompiledFetch): QueryPage {
  checkFieldSecurity(state, user, compiled.setName, compiled.filterColumns);
  let after;
  if (compiled.pagingCookie) {
    const cookie = parseInnerCookie(compiled.setName, compiled.order, compiled.pagingCookie);
    // The cookie describes the page before the one asked for; a client that forgot to move `page` is told so.
    if (cookie.page !== compiled.pageNumber - 1) {
      throw new ODataError(400, '0x80040203', `The paging cookie is for page ${cookie.page} but page ${compiled.pageNumber} was requested.`);
    }
    after = cookie.after;
  }
  return runQuery(state, {
    setName: compiled.setName,
    predicate: compiled.predicate,
    order: compiled.order,
    pageSize: compiled.pageSize,
    pageNumber: compiled.pageNumber,
    after,
    top: compiled.top,
  });
}
