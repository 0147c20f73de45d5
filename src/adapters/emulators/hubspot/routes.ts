import type { FastifyReply } from 'fastify';
import type { EmulatorServer } from '../kit/emulatorServer';
import { guardDataApi, hubSpotError } from './http';
import { registerHubSpotSearchRoute, toPublicObject } from './search';
import type { HubSpotObjectRecord, HubSpotObjectStore, HubSpotPortalState, HubSpotPropertyDef } from './state';

type Params = { objectType: string; propertyName?: string; objectId?: string };
type BatchInput = { id?: string; idProperty?: string; properties?: Record<string, unknown> };

const BATCH_MAX = 100;
const TEXT_MAX = 65_536;
const PAGE_MAX = 100;

function propertiesParam(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => String(item).split(','));
  return typeof value === 'string' && value !== '' ? value.split(',') : [];
}

function publicProperty(definition: HubSpotPropertyDef) {
  const { readOnly, ...rest } = definition;
  return { ...rest, modificationMetadata: { archivable: !definition.hubspotDefined, readOnlyDefinition: definition.hubspotDefined, readOnlyValue: readOnly }, calculated: false, externalOptions: false, archived: false, formField: true, hidden: false, displayOrder: -1 };
}

/** Registers the CRM objects and properties routes (v3 and the date-versioned 2026-03 variant share handlers). */
export function registerHubSpotRoutes(server: EmulatorServer, state: HubSpotPortalState): void {
  guardDataApi(server, state);
  const app = server.app;
  const storeOr404 = (objectType: string, reply: FastifyReply): HubSpotObjectStore | undefined => {
    const store = state.store(objectType);
    if (!store) void reply.code(400).send(hubSpotError(`Unable to infer object type from: ${objectType}`, 'VALIDATION_ERROR'));
    return store;
  };

  app.get<{ Params: Params }>('/crm/v3/properties/:objectType', async (request, reply) => {
    const store = storeOr404(request.params.objectType, reply);
    if (store) return { results: [...store.properties.values()].map(publicProperty) };
  });
  app.get<{ Params: Params }>('/crm/v3/properties/:objectType/:propertyName', async (request, reply) => {
    const store = storeOr404(request.params.objectType, reply);
    if (!store) return;
    const definition = store.properties.get(request.params.propertyName ?? '');
    if (!definition) return reply.code(404).send(hubSpotError(`Unable to find property ${request.params.propertyName}`, 'OBJECT_NOT_FOUND'));
    return publicProperty(definition);
  });
  app.post<{ Params: Params; Body: Partial<HubSpotPropertyDef> }>('/crm/v3/properties/:objectType', async (request, reply) => {
    const store = storeOr404(request.params.objectType, reply);
    if (!store) return;
    const body = request.body ?? {};
    if (!body.name || !body.label || !body.type || !body.fieldType || !body.groupName) {
      return reply.code(400).send(hubSpotError('Invalid input JSON: name, label, type, fieldType and groupName are required', 'VALIDATION_ERROR'));
    }
    if (store.properties.has(body.name)) return reply.code(409).send(hubSpotError(`A property named '${body.name}' already exists.`, 'OBJECT_ALREADY_EXISTS'));
    const now = state.clock.now().toISOString();
    const definition: HubSpotPropertyDef = {
      name: body.name, label: body.label, type: body.type, fieldType: body.fieldType, groupName: body.groupName, description: body.description ?? '',
      options: (body.options ?? []).map((option, index) => ({ label: option.label, value: option.value, displayOrder: option.displayOrder ?? index, hidden: false })),
      hubspotDefined: false, readOnly: false, createdAt: now, updatedAt: now,
    };
    store.properties.set(definition.name, definition);
    return reply.code(201).send(publicProperty(definition));
  });

  for (const prefix of ['/crm/v3/objects', '/crm/objects/2026-03']) {
    app.get<{ Params: Params; Querystring: Record<string, string> }>(`${prefix}/:objectType`, async (request, reply) => {
      const store = storeOr404(request.params.objectType, reply);
      if (!store) return;
      const limit = Math.min(Math.max(Number(request.query.limit ?? 10) || 10, 1), PAGE_MAX);
      const after = Number(request.query.after ?? 0);
      const all = [...store.records.values()].filter((record) => Number(record.id) > after).sort((a, b) => Number(a.id) - Number(b.id));
      const page = all.slice(0, limit);
      const properties = propertiesParam(request.query.properties);
      const last = page.at(-1);
      return {
        results: page.map((record) => toPublicObject(record, properties)),
        ...(all.length > limit && last ? { paging: { next: { after: last.id, link: `${server.baseUrl}${prefix}/${request.params.objectType}?after=${last.id}` } } } : {}),
      };
    });
    app.get<{ Params: Params; Querystring: Record<string, string> }>(`${prefix}/:objectType/:objectId`, async (request, reply) => {
      const store = storeOr404(request.params.objectType, reply);
      if (!store) return;
      const record = store.records.get(request.params.objectId ?? '');
      if (!record) return reply.code(404).send(hubSpotError('Object not found.', 'OBJECT_NOT_FOUND'));
      return toPublicObject(record, propertiesParam(request.query.properties));
    });
    app.post<{ Params: Params; Body: { inputs?: BatchInput[]; properties?: string[]; idProperty?: string } }>(`${prefix}/:objectType/batch/:action`, async (request, reply) => {
      const store = storeOr404(request.params.objectType, reply);
      if (!store) return;
      const action = (request.params as { action?: string }).action ?? '';
      const inputs = request.body?.inputs ?? [];
      if (inputs.length > BATCH_MAX) return reply.code(400).send(hubSpotError(`Batch input exceeds the limit of ${BATCH_MAX} inputs.`, 'VALIDATION_ERROR'));
      const startedAt = state.clock.now().toISOString();
      if (action === 'read') return batchAnswer(reply, readBatch(store, inputs, request.body?.properties ?? [], request.body?.idProperty), startedAt, state);
      if (action === 'update' || action === 'create' || action === 'upsert') {
        const invalid = invalidProperties(store, inputs);
        if (invalid.length > 0) {
          return reply.code(400).send(
            hubSpotError(`Property values were not valid: ${JSON.stringify(invalid.map((name) => ({ isValid: false, message: `Property "${name}" does not exist`, error: 'PROPERTY_DOESNT_EXIST', name })))}`, 'VALIDATION_ERROR'),
          );
        }
        return batchAnswer(reply, writeBatch(state, request.params.objectType, store, inputs, action), startedAt, state);
      }
      return reply.code(501).send({ error: `unhandled: POST ${request.url}` });
    });
  }
  registerHubSpotSearchRoute(server, state);
}

type BatchOutcome = { results: HubSpotObjectRecord[]; properties: string[]; errors: { status: 'error'; category: string; message: string; context: Record<string, string[]> }[] };

function findRecord(store: HubSpotObjectStore, input: BatchInput, idProperty: string | undefined): HubSpotObjectRecord | undefined {
  const key = input.idProperty ?? idProperty;
  if (!key || key === 'hs_object_id') return store.records.get(String(input.id));
  return [...store.records.values()].find((record) => record.properties[key]?.toLowerCase() === String(input.id).toLowerCase());
}

function readBatch(store: HubSpotObjectStore, inputs: BatchInput[], properties: string[], idProperty: string | undefined): BatchOutcome {
  const results: HubSpotObjectRecord[] = [];
  const missing: string[] = [];
  for (const input of inputs) {
    const record = findRecord(store, input, idProperty);
    if (record) results.push(record);
    else missing.push(String(input.id));
  }
  return { results, properties, errors: missing.length ? [notFound(missing)] : [] };
}

function notFound(ids: string[]) {
  return { status: 'error' as const, category: 'OBJECT_NOT_FOUND', message: 'Could not get some CONTACT objects, they may be deleted or not exist. Check that ids are valid.', context: { ids } };
}

function invalidProperties(store: HubSpotObjectStore, inputs: BatchInput[]): string[] {
  const names = new Set(inputs.flatMap((input) => Object.keys(input.properties ?? {})));
  return [...names].filter((name) => !store.properties.has(name));
}

/** Per-input validation: unknown ids, read-only properties, too long text, checkbox values not among the options. */
function writeBatch(state: HubSpotPortalState, objectType: string, store: HubSpotObjectStore, inputs: BatchInput[], action: string): BatchOutcome {
  const results: HubSpotObjectRecord[] = [];
  const missing: string[] = [];
  const errors: BatchOutcome['errors'] = [];
  const now = state.clock.now();
  for (const input of inputs) {
    const values = Object.fromEntries(Object.entries(input.properties ?? {}).map(([key, value]) => [key, value === null || value === undefined ? '' : String(value)]));
    const problem = validate(store, values);
    const id = String(input.id ?? '');
    if (problem) {
      errors.push({ status: 'error', category: 'VALIDATION_ERROR', message: problem, context: { ids: [id] } });
      continue;
    }
    const existing = action === 'create' ? undefined : findRecord(store, input, undefined);
    if (!existing) {
      if (action === 'update') missing.push(id);
      else results.push(state.insert(objectType, values, now));
      continue;
    }
    Object.assign(existing.properties, values);
    state.stamp(existing, now);
    results.push(existing);
  }
  if (missing.length) errors.push(notFound(missing));
  return { results, properties: [], errors };
}

function validate(store: HubSpotObjectStore, values: Record<string, string>): string | undefined {
  for (const [name, value] of Object.entries(values)) {
    const definition = store.properties.get(name);
    if (!definition) continue;
    if (definition.readOnly) return `Property "${name}" is read-only and cannot be set.`;
    if (value.length > TEXT_MAX) return `Property "${name}" value is ${value.length} characters long; the limit is ${TEXT_MAX}.`;
    if (definition.type === 'enumeration' && value !== '') {
      const allowed = new Set(definition.options.map((option) => option.value));
      const bad = value.split(';').filter((part) => !allowed.has(part));
      if (bad.length) return `${bad[0]} was not one of the allowed options: [${[...allowed].join(', ')}]`;
    }
  }
  return undefined;
}

function batchAnswer(reply: FastifyReply, outcome: BatchOutcome, startedAt: string, state: HubSpotPortalState) {
  const completedAt = state.clock.now().toISOString();
  const body = {
    status: 'COMPLETE',
    results: outcome.results.map((record) => toPublicObject(record, outcome.properties)),
    ...(outcome.errors.length ? { numErrors: outcome.errors.length, errors: outcome.errors } : {}),
    requestedAt: startedAt,
    startedAt,
    completedAt,
    links: {},
  };
  return reply.code(outcome.errors.length ? 207 : 200).send(body);
}
