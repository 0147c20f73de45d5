import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CSRF_HEADER, SESSION_COOKIE } from '../../contracts/auth';
import { AppError } from '../../domain/appError';
import { can } from '../../domain/permissions/policy';
import { ROLE_LABELS } from '../../domain/permissions/roles';
import { resolveCaller, type Caller } from '../../usecases/auth/resolveCaller';
import type { AppDeps } from '../deps';
import type { RouteDefinition } from './defineRoute';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

/** Registers one route: schemas for validation and OpenAPI, caller resolution, CSRF, permission, handler. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function registerRoute(app: FastifyInstance, route: RouteDefinition<any>, deps: AppDeps): void {
  const { contract } = route;
  if (!route.permission) throw new Error(`Route ${contract.method} ${contract.path} declares no permission`);
  const status = contract.successStatus ?? 200;
  app.route({
    method: contract.method,
    url: contract.path,
    schema: {
      summary: contract.summary,
      tags: [...contract.tags],
      ...(contract.params ? { params: contract.params } : {}),
      ...(contract.query ? { querystring: contract.query } : {}),
      ...(contract.body ? { body: contract.body } : {}),
      response: { [status]: contract.response },
      ...(route.permission === 'public' ? {} : { security: [{ session: [] }, { apiKey: [] }] }),
    },
    handler: async (request, reply) => {
      const caller: Caller | undefined = await resolveCaller(
        { bearerToken: bearerToken(request), sessionToken: request.cookies[SESSION_COOKIE] },
        deps,
      );
      const base = {
        params: request.params,
        query: request.query,
        body: request.body,
        deps,
        requestId: request.id,
        csrfToken: caller?.csrfToken,
        sessionTokenHash: caller?.sessionTokenHash,
      };
      if (route.permission === 'public') {
        const result = await route.handler({ ...base, actor: caller?.actor, reply });
        // A handler that redirected (the OAuth callback) has already answered.
        if (reply.sent) return reply;
        return reply.code(status).send(result);
      }
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
        return reply.code(403).send({ code: 'csrf_failed', message: `Missing or wrong ${CSRF_HEADER} header: reload the page and try again.`, requestId: request.id });
      }
      if (!can(actor, route.permission)) {
        throw new AppError('forbidden', `Your role (${ROLE_LABELS[actor.role]}) does not allow this action (${route.permission}).`);
      }
      request.log.info({ orgId: actor.orgId, actorKind: actor.kind }, 'caller');
      const result = await route.handler({ ...base, actor, orgId: actor.orgId });
      return reply.code(status).send(result);
    },
  });
}
