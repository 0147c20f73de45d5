import type { FastifyReply } from 'fastify';
import type { EmulatorServer } from '../kit/emulatorServer';
import { guardEloqua } from './http';
import type { EloquaContact, EloquaFieldDef, EloquaInstanceState } from './state';

const PAGE_MAX = 1_000;
/** Issue 10 decisions: text 100 characters, large text 32,000. */
const MAX_LENGTH: Readonly<Record<string, number>> = { text: 100, emailAddress: 400, largeText: 32_000 };

type PutBody = { id?: string; emailAddress?: string; fieldValues?: { type?: string; id?: string; value?: unknown }[] } & Record<string, unknown>;

function publicField(field: EloquaFieldDef) {
  return { type: 'ContactField', id: field.id, name: field.name, internalName: field.internalName, dataType: field.dataType, displayType: field.displayType, isReadOnly: String(field.isReadOnly) };
}

function publicContact(contact: EloquaContact, state: EloquaInstanceState) {
  const custom = [...state.fields.values()].filter((field) => !field.property);
  return {
    type: 'Contact', id: contact.id, emailAddress: contact.emailAddress, firstName: contact.firstName, lastName: contact.lastName, accountName: contact.accountName,
    country: contact.country, createdAt: String(contact.createdAt), updatedAt: String(contact.updatedAt),
    fieldValues: custom.map((field) => ({ type: 'FieldValue', id: field.id, ...(contact.fieldValues.has(field.id) ? { value: contact.fieldValues.get(field.id) } : {}) })),
  };
}

function validationError(reply: FastifyReply, property: string, message: string, value: unknown) {
  return reply.code(400).send([{ type: 'ObjectValidationError', container: { type: 'ObjectKey', objectType: 'Contact' }, property, requirement: { type: 'Requirement', message }, value: String(value ?? '') }]);
}

/** Base URL discovery, OAuth-independent REST: contact fields, contacts (paged), one contact, PUT one contact. */
export function registerEloquaRoutes(server: EmulatorServer, state: EloquaInstanceState): void {
  guardEloqua(server, state);
  const app = server.app;
  app.get('/id', async () => ({
    site: { id: 42, name: state.siteName },
    user: { id: 7, username: 'Integration.User', displayName: 'Integration User' },
    urls: { base: server.baseUrl, apis: { rest: { standard: `${server.baseUrl}/api/REST/{version}/`, bulk: `${server.baseUrl}/api/bulk/{version}/` } } },
  }));

  app.get<{ Querystring: Record<string, string> }>('/api/REST/1.0/assets/contact/fields', async (request) => {
    const all = [...state.fields.values()];
    const count = Math.min(Number(request.query.count ?? 1000) || 1000, PAGE_MAX);
    const page = Math.max(Number(request.query.page ?? 1) || 1, 1);
    return { elements: all.slice((page - 1) * count, page * count).map(publicField), page, pageSize: count, total: all.length };
  });

  app.get<{ Querystring: Record<string, string> }>('/api/REST/1.0/data/contacts', async (request) => {
    const all = [...state.contacts.values()].sort((a, b) => Number(a.id) - Number(b.id));
    const count = Math.min(Number(request.query.count ?? 1000) || 1000, PAGE_MAX);
    const page = Math.max(Number(request.query.page ?? 1) || 1, 1);
    return { elements: all.slice((page - 1) * count, page * count).map((contact) => publicContact(contact, state)), page, pageSize: count, total: all.length };
  });

  app.get<{ Params: { id: string } }>('/api/REST/1.0/data/contact/:id', async (request, reply) => {
    const contact = state.contacts.get(request.params.id);
    if (!contact) return reply.code(404).type('text/plain').send('There was an error processing the request.');
    return publicContact(contact, state);
  });

  app.put<{ Params: { id: string }; Body: PutBody }>('/api/REST/1.0/data/contact/:id', async (request, reply) => {
    const contact = state.contacts.get(request.params.id);
    if (!contact) return reply.code(404).type('text/plain').send('There was an error processing the request.');
    const body = request.body ?? {};
    if (!body.emailAddress) return validationError(reply, 'emailAddress', 'emailAddress is required.', body.emailAddress);
    for (const value of body.fieldValues ?? []) {
      const field = state.fields.get(String(value.id));
      if (!field) return validationError(reply, 'fieldValues', `Field ${value.id} does not exist.`, value.id);
      const max = MAX_LENGTH[field.dataType];
      if (max !== undefined && String(value.value ?? '').length > max) return validationError(reply, 'fieldValues', `The value of field ${field.internalName} exceeds ${max} characters.`, value.value);
    }
    contact.emailAddress = body.emailAddress;
    for (const key of ['firstName', 'lastName', 'accountName', 'country'] as const) if (typeof body[key] === 'string') contact[key] = body[key];
    for (const value of body.fieldValues ?? []) {
      const field = state.fields.get(String(value.id));
      const text = value.value === null || value.value === undefined ? '' : String(value.value);
      if (field?.property) (contact as unknown as Record<string, string>)[field.property] = text;
      else contact.fieldValues.set(String(value.id), text);
    }
    contact.updatedAt = Math.floor(state.clock.now().getTime() / 1000);
    return publicContact(contact, state);
  });
}
