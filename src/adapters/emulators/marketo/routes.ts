import type { EmulatorServer } from '../kit/emulatorServer';
import { guardRestApi, marketoFailure, marketoSuccess } from './http';
import type { MarketoFieldDef, MarketoInstanceState, MarketoLead } from './state';

const BATCH_MAX = 300;
/** Text areas hold about 30,000 bytes (issue 10 decisions). */
const TEXT_MAX_BYTES = 30_000;
const ACTIONS = new Set(['createOrUpdate', 'createOnly', 'updateOnly', 'createDuplicate']);
const DEFAULT_FIELDS = ['id', 'email', 'firstName', 'lastName', 'updatedAt', 'createdAt'];

type SyncBody = { action?: string; lookupField?: string; input?: Record<string, unknown>[]; programName?: string };
type RecordResult = { id?: number; status: 'created' | 'updated' | 'skipped'; reasons?: { code: string; message: string }[] };

function describe(definition: MarketoFieldDef) {
  return {
    id: definition.id, displayName: definition.displayName, dataType: definition.dataType,
    ...(definition.length === undefined ? {} : { length: definition.length }),
    rest: { name: definition.restName, readOnly: definition.readOnly },
    soap: { name: definition.soapName, readOnly: definition.readOnly },
  };
}

function project(lead: MarketoLead, fields: readonly string[]) {
  return Object.fromEntries(fields.map((name) => [name, name === 'id' ? Number(lead.id) : (lead[name] ?? null)]));
}

/** Identity endpoint, lead describe, leads by filter (nextPageToken paging), sync leads and push leads. */
export function registerMarketoRoutes(server: EmulatorServer, state: MarketoInstanceState, credentials: { clientId: string; clientSecret: string }): void {
  guardRestApi(server, state);
  const app = server.app;
  app.get<{ Querystring: Record<string, string> }>('/identity/oauth/token', async (request, reply) => {
    const { grant_type: grant, client_id: clientId, client_secret: clientSecret } = request.query;
    if (grant !== 'client_credentials' || clientId !== credentials.clientId || clientSecret !== credentials.clientSecret) {
      return reply.code(401).send({ error: 'invalid_client', error_description: 'Bad client credentials' });
    }
    const access = state.tokens.issueAccess('api-user');
    return { access_token: access.token, token_type: 'bearer', expires_in: access.expiresIn, scope: 'api-user@openabm-demo.example' };
  });

  app.get('/rest/v1/leads/describe.json', async () => marketoSuccess([...state.fields.values()].map(describe)));

  app.get<{ Querystring: Record<string, string> }>('/rest/v1/leads.json', async (request) => {
    const { filterType, filterValues, fields, nextPageToken, batchSize } = request.query;
    if (!filterType || !filterValues) return marketoFailure('1003', 'filterType and filterValues are required');
    const values = filterValues.split(',');
    if (values.length > BATCH_MAX) return marketoFailure('1003', `filterValues can not exceed ${BATCH_MAX}`);
    const size = Math.min(Number(batchSize ?? BATCH_MAX) || BATCH_MAX, BATCH_MAX);
    const wanted = new Set(values.map((value) => value.toLowerCase()));
    const matches = [...state.leads.values()].filter((lead) => wanted.has(String(lead[filterType] ?? '').toLowerCase()));
    const offset = nextPageToken ? Number(Buffer.from(nextPageToken, 'base64url').toString()) : 0;
    const page = matches.slice(offset, offset + size);
    const fieldNames = fields ? fields.split(',') : DEFAULT_FIELDS;
    const unknown = fieldNames.find((name) => !state.fields.has(name));
    if (unknown) return marketoFailure('1006', `Field '${unknown}' not found`);
    const more = offset + size < matches.length;
    return marketoSuccess(page.map((lead) => project(lead, fieldNames)), more ? { nextPageToken: Buffer.from(String(offset + size)).toString('base64url'), moreResult: true } : { moreResult: false });
  });

  app.post<{ Body: SyncBody }>('/rest/v1/leads.json', async (request) => syncLeads(state, request.body ?? {}));
  app.post<{ Body: SyncBody }>('/rest/v1/leads/push.json', async (request) => {
    if (!request.body?.programName) return marketoFailure('1003', 'programName is required');
    return syncLeads(state, { ...request.body, action: 'createOrUpdate' });
  });
}

function syncLeads(state: MarketoInstanceState, body: SyncBody) {
  const action = body.action ?? 'createOrUpdate';
  const lookupField = body.lookupField ?? 'email';
  const input = body.input ?? [];
  if (!ACTIONS.has(action)) return marketoFailure('1003', `Invalid action '${action}'`);
  if (input.length === 0) return marketoFailure('1003', 'input is required');
  if (input.length > BATCH_MAX) return marketoFailure('1003', `Batch size can not exceed ${BATCH_MAX}`);
  const unknown = input.flatMap((record) => Object.keys(record)).find((name) => !state.fields.has(name));
  if (unknown) return marketoFailure('1006', `Field '${unknown}' not found`);
  const now = state.clock.now().toISOString();
  const results: RecordResult[] = input.map((record) => {
    const problem = validate(state, record, lookupField);
    if (problem) return { status: 'skipped', reasons: [problem] };
    const existing = action === 'createDuplicate' || action === 'createOnly' ? undefined : state.find(lookupField, record[lookupField]);
    if (action === 'createOnly' && state.find(lookupField, record[lookupField])) return { status: 'skipped', reasons: [{ code: '1005', message: 'Lead already exists' }] };
    const values = Object.fromEntries(Object.entries(record).filter(([name]) => name !== 'id').map(([name, value]) => [name, value === null || value === undefined ? null : String(value)]));
    if (!existing) {
      if (action === 'updateOnly') return { status: 'skipped', reasons: [{ code: '1004', message: 'Lead not found' }] };
      return { id: Number(state.insert(values).id), status: 'created' };
    }
    Object.assign(existing, values, { updatedAt: now });
    return { id: Number(existing.id), status: 'updated' };
  });
  return marketoSuccess(results);
}

function validate(state: MarketoInstanceState, record: Record<string, unknown>, lookupField: string): { code: string; message: string } | undefined {
  if (record[lookupField] === undefined || record[lookupField] === null || record[lookupField] === '') return { code: '1003', message: `Lookup field '${lookupField}' is required` };
  for (const [name, value] of Object.entries(record)) {
    const definition = state.fields.get(name);
    if (!definition || name === lookupField) continue;
    if (definition.readOnly) return { code: '1003', message: `Field '${name}' is read only` };
    const text = value === null || value === undefined ? '' : String(value);
    if (definition.length !== undefined && text.length > definition.length) return { code: '1003', message: `Value for field '${name}' exceeds maximum length of ${definition.length}` };
    if (definition.dataType === 'text' && Buffer.byteLength(text) > TEXT_MAX_BYTES) return { code: '1003', message: `Value for field '${name}' exceeds maximum size of ${TEXT_MAX_BYTES} bytes` };
  }
  return undefined;
}
