import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CSRF_HEADER, SESSION_COOKIE } from '../../contracts/auth';
import { AppError } from '../../domain/appError';
import { can } from '../../domain/permissions/policy';
import { ROLE_LABELS } from '../../domain/permissions/roles';
import { resolveCaller, type Caller } from '../../usecases/auth/resolveCaller';
import type { AppDeps } from '../deps';
import type { RouteDefinition } from './defineRoute';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Log-in and the other public routes read a few fields; nobody logged out may make the server parse megabytes. */
export const PUBLIC_BODY_LIMIT_BYTES = 16 * 1024;

const csvDocumentation = z.string().describe('The CSV file itself (text/csv; charset=utf-8), with Content-Disposition: attachment');

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

/** attachment; filename="ascii fallback"; filename*=UTF-8''percent-encoded (RFC 6266). */
function contentDisposition(fileName: string): string {
  const asciiName = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Who may call: decided in preValidation, before the body is validated, so a view-only key asking for a write gets
 * 403 whatever it sent (never 400), and a caller that must change its password gets only that answer.
 */
async function authorise(request: FastifyRequest, route: RouteDefinition, deps: AppDeps): Promise<Caller | undefined> {
  const caller = await resolveCaller({ bearerToken: bearerToken(request), sessionToken: request.cookies[SESSION_COOKIE] }, deps);
  if (route.permission === 'public') return caller;
  if (!caller) {
    const hasCredentials = Boolean(bearerToken(request) || request.cookies[SESSION_COOKIE]);
    throw new AppError('unauthenticated', hasCredentials ? 'Your session has expired or the API key is not valid. Log in again.' : 'Log in, or send an API key as Authorization: Bearer oabm_….');
  }
  const { actor } = caller;
  if (actor.kind === 'apiKey' && route.isApiKeyAllowed === false) {
    throw new AppError('forbidden', 'This endpoint is not available to API keys; use the web UI.');
  }
  // Cookies ride along on cross-site requests; a write must also carry the session's CSRF token.
  if (actor.kind === 'user' && !SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== caller.csrfToken) {
    throw new AppError('csrf_failed', `Missing or wrong ${CSRF_HEADER} header: reload the page and try again.`);
  }
  // A one-time password opens the door to choosing a password, nothing else.
  if (caller.mustChangePassword && route.isAllowedBeforePasswordChange !== true) {
    throw new AppError('password_change_required', 'Change your one-time password first (POST /api/auth/password); until then nothing else is available.');
  }
  if (!can(actor, route.permission)) {
    throw new AppError('forbidden', `Your role (${ROLE_LABELS[actor.role]}) does not allow this action (${route.permission}).`);
  }
  request.log.info({ orgId: actor.orgId, actorKind: actor.kind }, 'caller');
  return caller;
}

function sendResult(reply: FastifyReply, route: RouteDefinition, status: number, result: unknown): FastifyReply {
  if (route.contract.responseFormat === 'csv') {
    const file = result as { fileName: string; csv: string };
    return reply.code(status).type('text/csv; charset=utf-8').header('content-disposition', contentDisposition(file.fileName)).send(file.csv);
  }
  return reply.code(status).send(result);
}

/** Registers one route: schemas for validation and OpenAPI, caller resolution, CSRF, permission, handler. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function registerRoute(app: FastifyInstance, route: RouteDefinition<any>, deps: AppDeps): void {
  const { contract } = route;
  if (!route.permission) throw new Error(`Route ${contract.method} ${contract.path} declares no permission`);
  const status = contract.successStatus ?? 200;
  const callers = new WeakMap<FastifyRequest, Caller | undefined>();
  app.route({
    method: contract.method,
    url: contract.path,
    ...(route.permission === 'public' ? { bodyLimit: PUBLIC_BODY_LIMIT_BYTES } : {}),
    schema: {
      summary: contract.summary,
      tags: [...contract.tags],
      ...(contract.params ? { params: contract.params } : {}),
      ...(contract.query ? { querystring: contract.query } : {}),
      ...(contract.body ? { body: contract.body } : {}),
      response: { [status]: contract.responseFormat === 'csv' ? csvDocumentation : contract.response },
      ...(route.permission === 'public' ? {} : { security: [{ session: [] }, { apiKey: [] }] }),
    },
    preValidation: async (request) => {
      callers.set(request, await authorise(request, route, deps));
    },
    handler: async (request, reply) => {
      const caller = callers.get(request);
      const base = {
        params: request.params,
        query: request.query,
        body: request.body,
        deps,
        requestId: request.id,
        clientAddress: request.ip,
        csrfToken: caller?.csrfToken,
        sessionTokenHash: caller?.sessionTokenHash,
        reply,
      };
      if (route.permission === 'public') {
        const result = await route.handler({ ...base, actor: caller?.actor });
        // A handler that redirected (the OAuth callback) has already answered.
        if (reply.sent) return reply;
        return sendResult(reply, route, status, result);
      }
      if (!caller) throw new Error(`${contract.method} ${contract.path} reached its handler without a caller`);
      const result = await route.handler({ ...base, actor: caller.actor, orgId: caller.actor.orgId });
      return sendResult(reply, route, status, result);
    },
  });
}
