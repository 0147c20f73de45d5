import type { FastifyInstance, FastifyReply } from 'fastify';
import { contextOf, notFound, sendError } from './http';
import { checkWrite, findTarget, renderRecord } from './recordWrites';
import { findSObject, sobjectDefinitions, type SObjectDefinition } from './schema';
import type { SalesforceOrgState } from './state';

type Params = { type: string; id: string };

function urlsOf(sobject: SObjectDefinition, version: string) {
  const base = `/services/data/v${version}/sobjects/${sobject.name}`;
  return { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}`, ...(sobject.name === 'Account' ? { listviews: `${base}/listviews` } : {}) };
}

function basicInfo(sobject: SObjectDefinition, version: string) {
  return {
    name: sobject.name, label: sobject.label, labelPlural: sobject.labelPlural, keyPrefix: sobject.keyPrefix, custom: false,
    createable: sobject.isWritable, updateable: sobject.isWritable, deletable: sobject.isWritable, queryable: true, retrieveable: true,
    searchable: true, layoutable: true, urls: urlsOf(sobject, version),
  };
}

export function registerSObjectRoutes(scope: FastifyInstance, state: SalesforceOrgState): void {
  const sobjectOr404 = (type: string, reply: FastifyReply): SObjectDefinition | undefined => {
    const sobject = findSObject(type);
    if (!sobject) notFound(reply);
    return sobject;
  };

  scope.get('/sobjects', async (request) => {
    const { version } = contextOf(request);
    return { encoding: 'UTF-8', maxBatchSize: 200, sobjects: [...sobjectDefinitions.values()].map((sobject) => basicInfo(sobject, version)) };
  });

  scope.get<{ Params: Params }>('/sobjects/:type', async (request, reply) => {
    const sobject = sobjectOr404(request.params.type, reply);
    if (!sobject) return reply;
    return { objectDescribe: basicInfo(sobject, contextOf(request).version), recentItems: [] };
  });

  scope.get<{ Params: Params }>('/sobjects/:type/describe', async (request, reply) => {
    const sobject = sobjectOr404(request.params.type, reply);
    if (!sobject) return reply;
    const fields = sobject.fields
      .filter((field) => !state.isFieldHidden(sobject.name, field.name))
      .map((field) => ({
        name: field.name, label: field.label, type: field.type, length: field.length, custom: field.isCustom, nillable: field.isNillable,
        createable: field.isCreateable, updateable: field.isUpdateable, filterable: true, sortable: field.type !== 'textarea', calculated: false,
        externalId: false, unique: false, idLookup: field.type === 'id', referenceTo: field.referenceTo, relationshipName: field.relationshipName,
        defaultedOnCreate: !field.isCreateable, picklistValues: field.picklistValues.map((value, index) => ({ active: true, defaultValue: index === 0 && sobject.name === 'Task', label: value, validFor: null, value })),
        soapType: field.type === 'id' || field.type === 'reference' ? 'tns:ID' : `xsd:${field.type === 'int' ? 'int' : field.type === 'currency' ? 'double' : field.type === 'boolean' ? 'boolean' : field.type === 'datetime' ? 'dateTime' : field.type === 'date' ? 'date' : 'string'}`,
      }));
    return { ...basicInfo(sobject, contextOf(request).version), fields, childRelationships: [], recordTypeInfos: [] };
  });

  scope.get<{ Params: Params; Querystring: { fields?: string } }>('/sobjects/:type/:id', async (request, reply) => {
    const sobject = sobjectOr404(request.params.type, reply);
    if (!sobject) return reply;
    const record = state.get(sobject.name, request.params.id);
    if (!record || record.IsDeleted === true || record.Id.slice(0, 3) !== sobject.keyPrefix) return notFound(reply);
    return renderRecord(state, sobject, record, contextOf(request).version, request.query.fields?.split(',').map((name) => name.trim()));
  });

  const methodNotAllowed = (reply: FastifyReply, method: string) => sendError(reply, 405, 'METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed. Allowed are GET,HEAD`);

  scope.post<{ Params: Params }>('/sobjects/:type', async (request, reply) => {
    const sobject = sobjectOr404(request.params.type, reply);
    if (!sobject) return reply;
    if (!sobject.isWritable) return methodNotAllowed(reply, 'POST');
    if (typeof request.body !== 'object' || request.body === null || Array.isArray(request.body)) return sendError(reply, 400, 'JSON_PARSER_ERROR', 'Expected a JSON object of fields');
    const checked = checkWrite(state, sobject, request.body as Record<string, unknown>, 'create');
    if (!checked.isValid) return reply.code(400).send(checked.errors.map((error) => ({ message: error.message, errorCode: error.statusCode, fields: error.fields })));
    const record = state.insert(sobject.name, checked.fields, contextOf(request).userId);
    return reply.code(201).send({ id: record.Id, success: true, errors: [] });
  });

  scope.patch<{ Params: Params }>('/sobjects/:type/:id', async (request, reply) => {
    const sobject = sobjectOr404(request.params.type, reply);
    if (!sobject) return reply;
    if (!sobject.isWritable) return methodNotAllowed(reply, 'PATCH');
    if (typeof request.body !== 'object' || request.body === null || Array.isArray(request.body)) return sendError(reply, 400, 'JSON_PARSER_ERROR', 'Expected a JSON object of fields');
    const target = findTarget(state, sobject, request.params.id);
    if (!('Id' in target)) return target.statusCode === 'MALFORMED_ID' ? sendError(reply, 400, 'MALFORMED_ID', target.message, target.fields) : notFound(reply);
    const checked = checkWrite(state, sobject, request.body as Record<string, unknown>, 'update');
    if (!checked.isValid) return reply.code(400).send(checked.errors.map((error) => ({ message: error.message, errorCode: error.statusCode, fields: error.fields })));
    state.update(sobject.name, target.Id, checked.fields, contextOf(request).userId);
    return reply.code(204).send();
  });

  scope.delete<{ Params: Params }>('/sobjects/:type/:id', async (request, reply) => {
    const sobject = sobjectOr404(request.params.type, reply);
    if (!sobject) return reply;
    if (!sobject.isWritable) return methodNotAllowed(reply, 'DELETE');
    const target = findTarget(state, sobject, request.params.id);
    if (!('Id' in target)) return notFound(reply);
    state.delete(sobject.name, target.Id);
    return reply.code(204).send();
  });
}
