import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorServer } from '../kit/emulatorServer';
import { accountAudiences, me, myAdAccounts, readAccount } from './accountRoutes';
import { createAudience, deleteAudience, readAudience, updateAudience } from './audienceRoutes';
import { rateLimitError } from './faults';
import { accessTokenOf, graphErrors, graphParams, sendGraphError } from './http';
import { registerMetaOAuthRoutes } from './oauthRoutes';
import type { MetaState } from './state';
import { uploadUsers } from './userRoutes';

type GraphRequest = FastifyRequest<{ Params: { version: string; node: string; edge?: string } }>;

const unhandled = (request: FastifyRequest, reply: FastifyReply) =>
  reply.code(501).send({ error: `unhandled: ${request.method} ${new URL(request.url, 'http://emulator').pathname}` });

/** Checks the token (code 190), the app's daily allowance (code 4 / 17); answers with the error or returns the user. */
function authenticate(state: MetaState, request: FastifyRequest, params: Record<string, unknown>, reply: FastifyReply): string | undefined {
  const check = state.tokens.checkAccessToken(accessTokenOf(request, params));
  if (!check.isValid) {
    const status = state.invalidTokenStatus;
    if (check.reason === 'expired') {
      const now = new Date(state.nowMs()).toUTCString();
      sendGraphError(reply, { status, code: 190, subcode: 463, message: `Error validating access token: Session has expired. The current time is ${now}.` });
    } else if (check.reason === 'revoked') {
      sendGraphError(reply, { status, code: 190, subcode: 458, message: `Error validating access token: The user has not authorized application ${state.options.app.clientId}.` });
    } else {
      sendGraphError(reply, { status, code: 190, message: 'Invalid OAuth access token - Cannot parse access token' });
    }
    return undefined;
  }
  if (!state.appQuota.take(state.nowMs())) {
    sendGraphError(reply, rateLimitError(state.quotaErrorCode, '0', undefined));
    return undefined;
  }
  return check.userId;
}

/**
 * The Graph API on `/vNN.0/{node}[/{edge}]` (any version): `me`, `me/adaccounts`, `act_{id}`, `act_{id}/customaudiences`,
 * `{audience_id}` (read, update, delete), `{audience_id}/users` (POST, DELETE, POST with method=DELETE) and
 * `{audience_id}/usersreplace`. Anything else answers 501 `unhandled: METHOD /path`.
 */
export function registerMetaRoutes(server: EmulatorServer, state: MetaState): void {
  const { app } = server;
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    if (error.statusCode === 400 || error.code?.startsWith('FST_ERR_CTP')) return sendGraphError(reply, graphErrors.invalidParameter(`The request body could not be parsed: ${error.message}`));
    return sendGraphError(reply, { status: 500, code: 1, message: `An unknown error has occurred. (${error.message})`, isTransient: true });
  });
  registerMetaOAuthRoutes(app, state);

  const dispatch = async (request: GraphRequest, reply: FastifyReply) => {
    const { version, node, edge } = request.params;
    if (!/^v\d+\.0$/.test(version)) return unhandled(request, reply);
    const params = graphParams(request);
    const method = request.method === 'POST' && params.method === 'DELETE' ? 'DELETE' : request.method;
    if (!authenticate(state, request, params, reply)) return reply;
    const route = `${method} ${edge ?? ''}`;

    if (node === 'me') {
      if (route === 'GET ') return me(state, params);
      if (route === 'GET adaccounts') return myAdAccounts(state, request, params);
      return unhandled(request, reply);
    }
    if (node.startsWith('act_')) {
      const account = state.accounts.get(node.slice(4));
      if (!account) return sendGraphError(reply, graphErrors.doesNotExist(node));
      if (route === 'GET ') return readAccount(account, params);
      if (route === 'GET customaudiences') return accountAudiences(state, account, request, params);
      if (route === 'POST customaudiences') return createAudience(state, account, params, reply);
      return unhandled(request, reply);
    }
    if (/^\d+$/.test(node)) {
      const audience = state.audiences.get(node);
      if (!audience) return sendGraphError(reply, graphErrors.doesNotExist(node));
      if (route === 'GET ') return audience.isDeleted ? sendGraphError(reply, graphErrors.doesNotExist(node)) : readAudience(state, audience, params);
      if (route === 'POST ') return updateAudience(state, audience, params, reply);
      if (route === 'DELETE ') return deleteAudience(state, audience, reply);
      if (route === 'POST users') return uploadUsers(state, audience, params, 'add', reply);
      if (route === 'DELETE users') return uploadUsers(state, audience, params, 'remove', reply);
      if (route === 'POST usersreplace') return uploadUsers(state, audience, params, 'replace', reply);
    }
    return unhandled(request, reply);
  };
  app.route({ method: ['GET', 'POST', 'DELETE'], url: '/:version/:node', handler: dispatch });
  app.route({ method: ['GET', 'POST', 'DELETE'], url: '/:version/:node/:edge', handler: dispatch });
}
