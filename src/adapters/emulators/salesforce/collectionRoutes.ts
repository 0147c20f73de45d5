import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { contextOf, sendError } from './http';
import { checkWrite, findTarget, type SaveError } from './recordWrites';
import { findSObject } from './schema';
import type { FieldValue, SalesforceOrgState } from './state';

/** sObject Collections: at most 200 records per request (resources-composite-sobjects-collections). */
export const COLLECTION_RECORD_LIMIT = 200;

type SaveResult = { id?: string; success: boolean; errors: SaveError[] };
type PlannedWrite = { kind: 'create' | 'update'; type: string; id: string | undefined; fields: Record<string, FieldValue> };

const ROLLED_BACK: SaveError = {
  statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
  fields: [],
};

function failure(error: SaveError, id?: string): SaveResult {
  return { ...(id ? { id } : {}), success: false, errors: [error] };
}

export function registerCollectionRoutes(scope: FastifyInstance, state: SalesforceOrgState): void {
  const write = (mode: 'create' | 'update') => async (request: FastifyRequest, reply: FastifyReply) => {
    const body = request.body as { allOrNone?: unknown; records?: unknown } | null;
    if (!body || typeof body !== 'object' || !Array.isArray(body.records)) return sendError(reply, 400, 'JSON_PARSER_ERROR', 'The request body must be {"allOrNone": boolean, "records": [...]}');
    if (body.records.length > COLLECTION_RECORD_LIMIT) return sendError(reply, 400, 'EXCEEDED_ID_LIMIT', `record limit reached. cannot submit more than ${COLLECTION_RECORD_LIMIT} records into this call`);
    const isAllOrNone = body.allOrNone === true;
    const plans: (PlannedWrite | SaveResult)[] = body.records.map((raw): PlannedWrite | SaveResult => {
      const input = (raw ?? {}) as Record<string, unknown> & { attributes?: { type?: unknown } };
      const sobject = typeof input.attributes?.type === 'string' ? findSObject(input.attributes.type) : undefined;
      if (!sobject || !sobject.isWritable) return failure({ statusCode: 'INVALID_TYPE', message: 'Must send a concrete entity type.', fields: [] });
      const id = input.id ?? input.Id;
      if (mode === 'create' && id !== undefined) return failure({ statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', message: 'cannot specify Id in an insert call', fields: ['Id'] });
      let targetId: string | undefined;
      if (mode === 'update') {
        const target = findTarget(state, sobject, id);
        if (!('Id' in target)) return failure(target, target.statusCode === 'MISSING_ARGUMENT' ? undefined : String(id));
        targetId = target.Id;
      }
      const checked = checkWrite(state, sobject, input, mode);
      if (!checked.isValid) return { ...(targetId ? { id: targetId } : {}), success: false, errors: checked.errors };
      return { kind: mode, type: sobject.name, id: targetId, fields: checked.fields };
    });
    const hasFailure = plans.some((plan) => !('kind' in plan));
    if (isAllOrNone && hasFailure) {
      return plans.map((plan) => ('kind' in plan ? failure(ROLLED_BACK, plan.id) : plan));
    }
    const { userId } = contextOf(request);
    return plans.map((plan): SaveResult => {
      if (!('kind' in plan)) return plan;
      const record = plan.kind === 'create' ? state.insert(plan.type, plan.fields, userId) : state.update(plan.type, plan.id ?? '', plan.fields, userId);
      return { id: record.Id, success: true, errors: [] };
    });
  };
  scope.patch('/composite/sobjects', write('update'));
  scope.post('/composite/sobjects', write('create'));

  scope.delete<{ Querystring: { ids?: string; allOrNone?: string } }>('/composite/sobjects', async (request, reply) => {
    const ids = (request.query.ids ?? '').split(',').map((id) => id.trim()).filter((id) => id !== '');
    if (ids.length === 0) return sendError(reply, 400, 'MISSING_ARGUMENT', 'ids parameter is required');
    if (ids.length > COLLECTION_RECORD_LIMIT) return sendError(reply, 400, 'EXCEEDED_ID_LIMIT', `record limit reached. cannot submit more than ${COLLECTION_RECORD_LIMIT} records into this call`);
    const targets = ids.map((id) => {
      const sobject = findSObject(['Account', 'Contact', 'Lead', 'Task'].find((name) => findSObject(name)?.keyPrefix === id.slice(0, 3)) ?? '');
      return sobject ? { sobject, target: findTarget(state, sobject, id), id } : { sobject: undefined, target: { statusCode: 'MALFORMED_ID', message: `invalid id: ${id}`, fields: [] } as SaveError, id };
    });
    const isFailing = (entry: (typeof targets)[number]) => !('Id' in entry.target);
    if (request.query.allOrNone === 'true' && targets.some(isFailing)) {
      return targets.map((entry) => (isFailing(entry) ? failure(entry.target as SaveError, entry.id) : failure(ROLLED_BACK, entry.id)));
    }
    return targets.map((entry) => {
      if (isFailing(entry) || !entry.sobject) return failure(entry.target as SaveError, entry.id);
      state.delete(entry.sobject.name, entry.id);
      return { id: entry.id, success: true, errors: [] };
    });
  });
}
