import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorServer } from '../kit/emulatorServer';
import { bearerToken } from '../kit/oauthPages';
import { registerAdsRoutes } from './adsRoutes';
import { adsFailure, badRequest, googleErrors, sendGoogleError } from './http';
import { registerIngestRoutes } from './ingestRoutes';
import { registerGoogleOAuthRoutes } from './oauthRoutes';
import type { GoogleState } from './state';
import { registerUserListRoutes } from './userListRoutes';

/** Bearer token (401), requests per minute and operations per day (429 RESOURCE_EXHAUSTED); answers and returns false when refused. */
function admit(state: GoogleState, request: FastifyRequest, reply: FastifyReply): boolean {
  const check = state.tokens.checkAccessToken(bearerToken(request.headers.authorization));
  if (!check.isValid) {
    sendGoogleError(reply, googleErrors.unauthenticated(check.reason === 'expired' ? 'ACCESS_TOKEN_EXPIRED' : request.headers.authorization ? 'ACCESS_TOKEN_INVALID' : 'CREDENTIALS_MISSING'));
    return false;
  }
  const now = state.nowMs();
  const minute = state.minuteWindow.take(check.userId, now);
  if (!minute.isAllowed) {
    sendGoogleError(reply, googleErrors.resourceExhausted("Quota exceeded for quota metric 'Requests' and limit 'Requests per minute per user'.", minute.retryAfterSeconds));
    return false;
  }
  if (!state.dailyOperations.take(now)) {
    sendGoogleError(reply, googleErrors.resourceExhausted("Quota exceeded for quota metric 'Operations' and limit 'Operations per day'. Try again after the quota resets.", undefined));
    return false;
  }
  return true;
}

/**
 * Every Google route: OAuth; the Data Manager API under `/v1` (audienceMembers:ingest/remove, requestStatus:retrieve,
 * userLists); the Google Ads API under `/vNN` (needs the `developer-token` header). Kit faults run before them.
 */
export function registerGoogleRoutes(server: EmulatorServer, state: GoogleState): void {
  const { app } = server;
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.statusCode === 400 || error.code?.startsWith('FST_ERR_CTP')) {
      if (!request.url.startsWith('/v')) return reply.code(400).send({ error: 'invalid_request', error_description: error.message });
      return sendGoogleError(reply, badRequest([{ field: 'body', description: `Invalid JSON payload received. ${error.message}`, reason: 'INVALID_ARGUMENT' }]));
    }
    return sendGoogleError(reply, googleErrors.internal());
  });
  registerGoogleOAuthRoutes(app, state);

  app.register(
    async (scope: FastifyInstance) => {
      scope.addHook('preHandler', async (request, reply) => {
        if (!admit(state, request, reply)) return reply;
      });
      registerIngestRoutes(scope, state);
      registerUserListRoutes(scope, state);
    },
    { prefix: '/v1' },
  );

  app.register(
    async (scope: FastifyInstance) => {
      scope.addHook('preHandler', async (request: FastifyRequest<{ Params: { version?: string } }>, reply) => {
        if (!/^v\d{2}$/.test(request.params.version ?? '')) return reply.code(501).send({ error: `unhandled: ${request.method} ${new URL(request.url, 'http://emulator').pathname}` });
        const token = request.headers['developer-token'];
        if (typeof token !== 'string' || !token) return sendGoogleError(reply, adsFailure(401, 'UNAUTHENTICATED', { authenticationError: 'DEVELOPER_TOKEN_PARAMETER_MISSING' }, 'The developer token is not on the request.'));
        if (token !== state.options.developerToken) return sendGoogleError(reply, adsFailure(401, 'UNAUTHENTICATED', { authenticationError: 'DEVELOPER_TOKEN_INVALID' }, 'The developer token is not valid.'));
        if (!admit(state, request, reply)) return reply;
      });
      registerAdsRoutes(scope, state);
    },
    { prefix: '/:version' },
  );
}
