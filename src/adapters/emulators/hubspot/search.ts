import type { EmulatorServer } from '../kit/emulatorServer';
import { hubSpotError } from './http';
import type { HubSpotObjectRecord, HubSpotPortalState } from './state';

const DEFAULT_PROPERTIES = ['createdate', 'hs_lastmodifieddate', 'hs_object_id', 'email', 'firstname', 'lastname', 'name', 'domain', 'hs_lead_name'];
const SEARCH_MAX = 200;

type Filter = { propertyName?: string; operator?: string; value?: unknown; values?: unknown[] };
type SearchBody = { filterGroups?: { filters?: Filter[] }[]; properties?: string[]; limit?: number; after?: string | number; sorts?: (string | { propertyName?: string; direction?: string })[]; query?: string };

/** A record as the v3 API shows it: the default properties plus the requested ones (null when empty). */
export function toPublicObject(record: HubSpotObjectRecord, properties: readonly string[]) {
  const names = new Set([...DEFAULT_PROPERTIES.filter((name) => name in record.properties), ...properties]);
  return {
    id: record.id,
    properties: Object.fromEntries([...names].map((name) => [name, record.properties[name] ?? null])),
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    archived: false,
  };
}

function matches(record: HubSpotObjectRecord, filter: Filter): boolean {
  const actual = record.properties[filter.propertyName ?? ''] ?? null;
  const value = filter.value === undefined ? '' : String(filter.value);
  const lower = (text: string | null) => (text ?? '').toLowerCase();
  switch (filter.operator) {
    case 'EQ': return lower(actual) === lower(value);
    case 'NEQ': return lower(actual) !== lower(value);
    case 'HAS_PROPERTY': return actual !== null && actual !== '';
    case 'NOT_HAS_PROPERTY': return actual === null || actual === '';
    case 'CONTAINS_TOKEN': return lower(actual).includes(lower(value).replace(/\*/g, ''));
    case 'NOT_CONTAINS_TOKEN': return !lower(actual).includes(lower(value).replace(/\*/g, ''));
    case 'IN': return (filter.values ?? []).map((item) => lower(String(item))).includes(lower(actual));
    case 'GT': case 'GTE': case 'LT': case 'LTE': {
      const a = Number.isNaN(Number(actual)) ? Date.parse(actual ?? '') : Number(actual);
      const b = Number.isNaN(Number(value)) ? Date.parse(value) : Number(value);
      return filter.operator === 'GT' ? a > b : filter.operator === 'GTE' ? a >= b : filter.operator === 'LT' ? a < b : a <= b;
    }
    default: return false;
  }
}

/** POST /crm/v3/objects/{type}/search: filter groups OR'ed, filters AND'ed, sorts, limit ≤ 200, offset paging. */
export function registerHubSpotSearchRoute(server: EmulatorServer, state: HubSpotPortalState): void {
  server.app.post<{ Params: { objectType: string }; Body: SearchBody }>('/crm/v3/objects/:objectType/search', async (request, reply) => {
    const store = state.store(request.params.objectType);
    if (!store) return reply.code(400).send(hubSpotError(`Unable to infer object type from: ${request.params.objectType}`, 'VALIDATION_ERROR'));
    const body = request.body ?? {};
    const limit = body.limit ?? 10;
    if (limit > SEARCH_MAX) return reply.code(400).send(hubSpotError(`limit must be less than or equal to ${SEARCH_MAX}`, 'VALIDATION_ERROR'));
    const operators = new Set(['EQ', 'NEQ', 'HAS_PROPERTY', 'NOT_HAS_PROPERTY', 'CONTAINS_TOKEN', 'NOT_CONTAINS_TOKEN', 'IN', 'GT', 'GTE', 'LT', 'LTE']);
    const filters = (body.filterGroups ?? []).flatMap((group) => group.filters ?? []);
    const unknown = filters.find((filter) => !operators.has(filter.operator ?? ''));
    if (unknown) return reply.code(501).send({ error: `unhandled: search operator ${unknown.operator}` });
    const groups = body.filterGroups ?? [];
    let records = [...store.records.values()].filter((record) => groups.length === 0 || groups.some((group) => (group.filters ?? []).every((filter) => matches(record, filter))));
    if (body.query) records = records.filter((record) => Object.values(record.properties).some((value) => (value ?? '').toLowerCase().includes(String(body.query).toLowerCase())));
    const sort = body.sorts?.[0];
    const sortName = typeof sort === 'string' ? sort : sort?.propertyName;
    const direction = typeof sort === 'string' ? 'ASCENDING' : (sort?.direction ?? 'ASCENDING');
    records.sort((a, b) => {
      const compare = sortName ? (a.properties[sortName] ?? '').localeCompare(b.properties[sortName] ?? '') : Number(a.id) - Number(b.id);
      return direction === 'DESCENDING' ? -compare : compare;
    });
    const offset = Number(body.after ?? 0);
    const page = records.slice(offset, offset + limit);
    return {
      total: records.length,
      results: page.map((record) => toPublicObject(record, body.properties ?? [])),
      ...(offset + limit < records.length ? { paging: { next: { after: String(offset + limit) } } } : {}),
    };
  });
}
