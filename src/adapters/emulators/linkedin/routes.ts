import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorServer } from '../kit/emulatorServer';
import { bearerToken } from '../kit/oauthPages';
import { registerLinkedInAccountRoutes } from './accountRoutes';
import { setMember } from './context';
import { linkedInErrors, sendLinkedInError } from './http';
import { registerMemberRoutes } from './memberRoutes';
import { registerLinkedInOAuthRoutes } from './oauthRoutes';
import { registerSegmentRoutes } from './segmentRoutes';
import type { LinkedInState } from './state';

/**
 * Every LinkedIn route. `/rest/…` sits in one scope whose hook checks `LinkedIn-Version` and
 * `X-Restli-Protocol-Version`, the bearer token (401) and the app's daily call cap (429); kit faults run before it.
 */
export function registerLinkedInRoutes(server: EmulatorServer, state: LinkedInState): void {
  const { app } = server;
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.statusCode === 400 || error.code?.startsWith('FST_ERR_CTP')) {
      if (request.url.startsWith('/oauth')) return reply.code(400).send({ error: 'invalid_request', error_description: error.message });
      return sendLinkedInError(reply, linkedInErrors.badRequest(`The request body could not be parsed: ${error.message}`));
    }
    return sendLinkedInError(reply, { status: 500, code: 'INTERNAL_SERVER_ERROR', message: error.message });
  });
  registerLinkedInOAuthRoutes(app, state);

  app.register(
    async (scope: FastifyInstance) => {
      scope.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
        const version = request.headers['linkedin-version'];
        if (typeof version !== 'string' || !version) return sendLinkedInError(reply, linkedInErrors.versionMissing());
        if (!state.options.activeVersions.includes(version.split('.')[0] ?? '')) return sendLinkedInError(reply, linkedInErrors.versionInactive(version));
        if (request.headers['x-restli-protocol-version'] !== '2.0.0') return sendLinkedInError(reply, linkedInErrors.protocolVersion());
        const check = state.tokens.checkAccessToken(bearerToken(request.headers.authorization));
        if (!check.isValid) return sendLinkedInError(reply, check.reason === 'expired' ? linkedInErrors.expiredToken() : check.reason === 'revoked' ? linkedInErrors.revokedToken() : linkedInErrors.invalidToken());
        if (!state.dailyCalls.take(state.nowMs())) return sendLinkedInError(reply, linkedInErrors.tooManyRequests('Resource level throttle APPLICATION DAY limit for calls to this resource is reached.', undefined));
        setMember(request, check.userId);
      });
      registerLinkedInAccountRoutes(scope, state);
      registerSegmentRoutes(scope, state);
      registerMemberRoutes(scope, state);
    },
    { prefix: '/rest' },
  );
}
