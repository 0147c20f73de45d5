import type { FastifyReply } from 'fastify';
import { ENTITY_DEFINITIONS, type EntityDefinition, type EntityRow, type EntitySetName } from './entities';
import type { DynamicsState, ODataError } from './state';

export const API_PATH = '/api/data/v9.2';
const FORMATTED = 'OData.Community.Display.V1.FormattedValue';
const LOOKUP_LOGICAL_NAME = 'Microsoft.Dynamics.CRM.lookuplogicalname';

/** Reference §1: every Web API answer carries OData-Version 4.0 and odata.metadata=minimal. */
export function sendOData(reply: FastifyReply, body: unknown): FastifyReply {
  // Written on the raw response so the media type stays exactly as Dataverse writes it (Fastify would quote the parameter).
  const payload = JSON.stringify(body);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) headers[name] = String(value);
  reply.hijack();
  reply.raw.writeHead(reply.statusCode, {
    ...headers,
    'OData-Version': '4.0',
    'Content-Type': 'application/json; odata.metadata=minimal',
    'Content-Length': String(Buffer.byteLength(payload)),
  });
  reply.raw.end(payload);
  return reply;
}

export function sendODataError(reply: FastifyReply, error: ODataError): FastifyReply {
  for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
  // Dataverse answers an expired or invalid bearer token with 401 and no body (reference §5: body unknown).
  if (error.status === 401) return reply.code(401).send('');
  return sendOData(reply.code(error.status), { error: { code: error.code, message: error.message } });
}

export interface SerializeOptions {
  /** Columns to return; undefined = every column. */
  readonly columns: readonly string[] | undefined;
  /** Predefined-query and FetchXML results leave out null-valued properties; $select results keep them (§3). */
  readonly isOmittingNulls: boolean;
  readonly wantsAnnotation: (name: string) => boolean;
}

/** One record as the Web API writes it: @odata.etag first, secured columns as null, requested annotations. */
export function serializeRow(state: DynamicsState, setName: EntitySetName, row: EntityRow, options: SerializeOptions): Record<string, unknown> {
  const definition = ENTITY_DEFINITIONS[setName];
  const secured = state.securedColumns.get(definition.logicalName);
  const out: Record<string, unknown> = { '@odata.etag': `W/"${String(row.versionnumber ?? 1)}"` };
  const isFormatted = options.wantsAnnotation(FORMATTED);
  const isLookupName = options.wantsAnnotation(LOOKUP_LOGICAL_NAME);
  const columns = options.columns ?? definition.attributes;
  // The primary key comes back whether or not $select named it.
  const withKey = columns.includes(definition.primaryIdAttribute) ? columns : [...columns, definition.primaryIdAttribute];
  for (const column of withKey) {
    const value = secured?.has(column) ? null : (row[column] ?? null);
    if (value === null && options.isOmittingNulls) continue;
    out[column] = value;
    if (value === null) continue;
    const labels = definition.optionSetLabels[column];
    if (isFormatted && labels && typeof value === 'number') out[`${column}@${FORMATTED}`] = labels[value] ?? String(value);
    const lookup = lookupFor(definition, column);
    if (lookup) {
      if (isFormatted) out[`${column}@${FORMATTED}`] = lookupName(state, lookup, String(value));
      if (isLookupName) out[`${column}@${LOOKUP_LOGICAL_NAME}`] = lookup;
    }
    if (isFormatted && (column === 'modifiedon' || column === 'createdon')) out[`${column}@${FORMATTED}`] = formatDate(String(value));
  }
  return out;
}

function lookupFor(definition: EntityDefinition, column: string): string | undefined {
  return Object.values(definition.lookups).find((lookup) => lookup.column === column)?.target;
}

function lookupName(state: DynamicsState, target: string, id: string): string {
  if (target === 'systemuser') return state.userById(id)?.fullname ?? id;
  const setName: EntitySetName = target === 'account' ? 'accounts' : 'contacts';
  const row = state.tables[setName].byId.get(id);
  return String(row?.[ENTITY_DEFINITIONS[setName].primaryNameAttribute] ?? id);
}

function formatDate(iso: string): string {
  const date = new Date(iso);
  const hours = date.getUTCHours();
  const clockHours = hours % 12 === 0 ? 12 : hours % 12;
  return `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()} ${clockHours}:${String(date.getUTCMinutes()).padStart(2, '0')} ${hours < 12 ? 'AM' : 'PM'}`;
}

export function contextUrl(state: DynamicsState, setName: string, columns: readonly string[] | undefined): string {
  return `${state.orgUrl}${API_PATH}/$metadata#${setName}${columns ? `(${columns.join(',')})` : ''}`;
}

/** `Preference-Applied` lists the preferences the server honoured. */
export function preferenceApplied(reply: FastifyReply, applied: readonly string[]): void {
  if (applied.length > 0) reply.header('Preference-Applied', applied.join(','));
}
