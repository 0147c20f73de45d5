import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../../../contracts/auth';
import { AppError } from '../../../domain/appError';
import { API_KEY_PREFIX } from '../../../usecases/auth/resolveCaller';
import type { AppDeps } from '../../deps';
import type { OperatorRouteDefinition } from './defineOperatorRoute';

function bearerToken(request: FastifyRequest): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
}

/** Compared as sha256 digests so the comparison takes the same time whatever the length or content. */
export function isOperatorToken(given: string | undefined, configured: string | undefined): boolean {
  if (!given || !configured) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(configured));
}

/** Decided before the body is validated: an organisation caller gets 403 whatever it sent. */
function authoriseOperator(request: FastifyRequest, route: OperatorRouteDefinition, deps: AppDeps): void {
  const token = bearerToken(request);
  if (isOperatorToken(token, deps.config.operatorToken)) return;
  if (token?.startsWith(API_KEY_PREFIX) || request.cookies[SESSION_COOKIE]) throw new AppError('forbidden', route.refusalForOrganisations);
  if (!deps.config.operatorToken) {
    throw new AppError('forbidden', 'The operator API is off on this instance: set OPENABM_OPERATOR_TOKEN (32 characters or more) and restart openabm.');
  }
  throw new AppError('unauthenticated', 'Send the instance operator token as Authorization: Bearer <OPENABM_OPERATOR_TOKEN>.');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function registerOperatorRoute(app: FastifyInstance, route: OperatorRouteDefinition<any>, deps: AppDeps): void {
  const { contract } = route;
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
      security: [{ operator: [] }],
    },
    preValidation: async (request) => {
      authoriseOperator(request, route, deps);
    },
    handler: async (request, reply) => {
      request.log.info({ actorKind: 'operator' }, 'caller');
      const result = await route.handler({ params: request.params, query: request.query, body: request.body, deps });
      return reply.code(status).send(result);
    },
  });
}
