import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createCustomField, hasApiAccess, isUserPermissionGranted } from './ceOrgSetup';
import { sendError } from './http';
import type { SalesforceOrgState } from './state';

/**
 * Tooling API custom field creation (`POST /services/data/vXX.X/tooling/sobjects/CustomField` with
 * `{FullName: "Lead.openabm_ce_status__c", Metadata: {label, type, length}}` → 201 `{id, success, errors}`), and the
 * enforcement of withheld permissions: an edition without API access or a user without API Enabled gets 403 on
 * every data call, a user without Run Reports gets 403 on report runs, one without Customize Application cannot
 * create fields. Registered inside the data scope, after its auth hook.
 */
export function registerToolingRoutes(scope: FastifyInstance, state: SalesforceOrgState): void {
  scope.addHook('preHandler', async (request: FastifyRequest, reply) => {
    if (reply.sent) return;
    if (!hasApiAccess(state)) return sendError(reply, 403, 'API_DISABLED_FOR_ORG', 'The REST API is not enabled for this Organization.');
    if (!isUserPermissionGranted(state, 'PermissionsApiEnabled')) return sendError(reply, 403, 'API_CURRENTLY_DISABLED', 'API is disabled for this User');
    const path = new URL(request.url, 'http://emulator').pathname;
    const isReportRun = /\/analytics\/reports\/[^/]+(\/instances.*)?$/.test(path) && !path.endsWith('/describe');
    if (isReportRun && !isUserPermissionGranted(state, 'PermissionsRunReports')) {
      return sendError(reply, 403, 'INSUFFICIENT_ACCESS', "You don't have sufficient privileges to perform this operation.");
    }
    return undefined;
  });

  scope.post('/tooling/sobjects/CustomField', async (request, reply) => {
    if (!isUserPermissionGranted(state, 'PermissionsCustomizeApplication')) {
      return sendError(reply, 403, 'INSUFFICIENT_ACCESS', 'insufficient access rights on object id: Customize Application is required');
    }
    const body = (request.body ?? {}) as { FullName?: unknown; Metadata?: unknown };
    const fullName = typeof body.FullName === 'string' ? body.FullName : '';
    const [object, field] = fullName.split('.');
    if (!object || !field || typeof body.Metadata !== 'object' || body.Metadata === null) {
      return sendError(reply, 400, 'INVALID_INPUT', 'FullName must be "<Object>.<Field>__c" and Metadata an object with label and type.', ['FullName']);
    }
    const outcome = createCustomField(state, object, field);
    if (outcome === 'duplicate') return sendError(reply, 400, 'DUPLICATE_DEVELOPER_NAME', `There is already a field named ${field} on ${object}.`, ['FullName']);
    if (outcome === 'unknown') return sendError(reply, 400, 'FIELD_INTEGRITY_EXCEPTION', `The emulator cannot create ${fullName}: only openabm's Conversational Email fields on Lead and Contact.`, ['FullName']);
    return reply.code(201).send({ id: `00N${Buffer.from(fullName).toString('hex').slice(0, 12)}`, success: true, errors: [], warnings: [], infos: [] });
  });
}
