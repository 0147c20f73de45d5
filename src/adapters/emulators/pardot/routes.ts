import type { EmulatorServer } from '../kit/emulatorServer';
import { guardV5, pardotError } from './http';
import type { PardotBusinessUnitState, PardotProspect } from './state';

const STANDARD_FIELDS = new Set(['id', 'email', 'firstName', 'lastName', 'company', 'website', 'country', 'createdAt', 'updatedAt', 'isDeleted']);
const READ_ONLY = new Set(['id', 'createdAt', 'updatedAt', 'isDeleted']);
const PAGE_MAX = 1_000;
const TEXT_MAX: Readonly<Record<string, number>> = { Text: 255, TextArea: 65_535 };

/** v5 prospects query (nextPageToken), custom fields, PATCH by id and upsertLatestByEmail. */
export function registerPardotRoutes(server: EmulatorServer, state: PardotBusinessUnitState, settings: { limitStatus: number }): void {
  guardV5(server, state, settings);
  const app = server.app;
  const fieldsOf = (query: Record<string, string | undefined>) => (query.fields ? query.fields.split(',') : ['id']);
  const knownField = (name: string) => STANDARD_FIELDS.has(name) || state.customFields.has(name);
  const project = (prospect: PardotProspect, fields: readonly string[]) => Object.fromEntries(fields.map((name) => [name, prospect[name] ?? null]));

  app.get<{ Querystring: Record<string, string | undefined> }>('/api/v5/objects/custom-fields', async (request) => {
    const fields = fieldsOf(request.query);
    return { values: [...state.customFields.values()].map((field) => Object.fromEntries(fields.map((name) => [name, (field as unknown as Record<string, unknown>)[name] ?? null]))) };
  });

  app.get<{ Querystring: Record<string, string | undefined> }>('/api/v5/objects/prospects', async (request, reply) => {
    const fields = fieldsOf(request.query);
    const unknown = fields.find((name) => !knownField(name));
    if (unknown) return reply.code(400).send(pardotError(65, `Invalid value specified for fields: ${unknown}`));
    const limit = Math.min(Number(request.query.limit ?? 200) || 200, PAGE_MAX);
    const afterId = request.query.nextPageToken ? Number(Buffer.from(request.query.nextPageToken, 'base64url').toString()) : 0;
    const rows = [...state.prospects.values()].filter((prospect) => !prospect.isDeleted && prospect.id > afterId).sort((a, b) => a.id - b.id);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const token = rows.length > limit && last ? Buffer.from(String(last.id)).toString('base64url') : null;
    return {
      nextPageToken: token,
      nextPageUrl: token ? `${server.baseUrl}/api/v5/objects/prospects?nextPageToken=${token}` : null,
      values: page.map((prospect) => project(prospect, fields)),
    };
  });

  const validate = (body: Record<string, unknown>): string | undefined => {
    for (const [name, value] of Object.entries(body)) {
      if (!knownField(name)) return `Invalid field specified: ${name}`;
      if (READ_ONLY.has(name)) return `The field ${name} is read-only.`;
      const custom = state.customFields.get(name);
      const max = custom ? TEXT_MAX[custom.type] : 255;
      if (max !== undefined && typeof value === 'string' && value.length > max) return `The value for ${name} exceeds the maximum length of ${max} characters.`;
    }
    return undefined;
  };

  app.patch<{ Params: { id: string }; Body: Record<string, unknown>; Querystring: Record<string, string | undefined> }>('/api/v5/objects/prospects/:id', async (request, reply) => {
    const prospect = state.prospects.get(Number(request.params.id));
    if (!prospect || prospect.isDeleted) return reply.code(404).send(pardotError(4, 'Invalid prospect ID'));
    const problem = validate(request.body ?? {});
    if (problem) return reply.code(400).send(pardotError(65, problem));
    Object.assign(prospect, request.body, { updatedAt: state.clock.now().toISOString() });
    return project(prospect, fieldsOf(request.query));
  });

  app.post<{ Body: { matchEmail?: string; prospect?: Record<string, unknown>; secondaryDeletedSearch?: boolean } }>('/api/v5/objects/prospects/do/upsertLatestByEmail', async (request, reply) => {
    const { matchEmail, prospect: values = {}, secondaryDeletedSearch } = request.body ?? {};
    if (!matchEmail) return reply.code(400).send(pardotError(65, 'matchEmail is required.'));
    const problem = validate(values);
    if (problem) return reply.code(400).send(pardotError(65, problem));
    const matches = [...state.prospects.values()].filter((prospect) => String(prospect.email).toLowerCase() === matchEmail.toLowerCase() && (!prospect.isDeleted || secondaryDeletedSearch === true));
    const latest = matches.sort((a, b) => String(b.updatedAt).localeCompare(String(a.updatedAt)))[0];
    const now = state.clock.now().toISOString();
    const target = latest ?? state.insert({ email: matchEmail });
    Object.assign(target, values, { updatedAt: now, isDeleted: false });
    return reply.code(201).send({ id: target.id, email: target.email });
  });
}
