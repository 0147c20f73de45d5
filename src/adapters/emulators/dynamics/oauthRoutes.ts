import { createHash, randomUUID } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { EmulatorServer } from '../kit/emulatorServer';
import type { DynamicsState } from './state';

/**
 * Microsoft Entra ID v2.0 endpoints (reference §2): authorize (auto-consents as the demo integration user and
 * redirects with code + state) and token (authorization_code, refresh_token, client_credentials), with AADSTS bodies.
 */
export const AADSTS_MESSAGES: Readonly<Record<number, string>> = {
  70000: 'The provided value for the input parameter \'code\' is not valid.',
  70003: 'The app requested an unsupported grant type.',
  70008: 'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
  700082: 'The refresh token has expired due to inactivity. The token was issued on 2026-01-01T00:00:00Z and was inactive for 90.00:00:00.',
  50173: 'The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password.',
  65001: "The user or administrator has not consented to use the application. Send an interactive authorization request for this user and resource.",
  54005: 'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
  70011: "The provided value for the input parameter 'scope' is not valid.",
  700016: 'Application with identifier was not found in the directory. This can happen if the application has not been installed by the administrator of the tenant.',
  7000215: 'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.',
  50148: 'The code_verifier does not match the code_challenge supplied in the authorization request for PKCE.',
  90014: "The request body must contain the following parameter: 'grant_type'.",
  9002313: 'Invalid request. Request is malformed or invalid.',
  90002: 'Tenant not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.',
};

const ERROR_NAMES: Readonly<Record<number, string>> = {
  70000: 'invalid_grant', 70003: 'unsupported_grant_type', 70008: 'invalid_grant', 700082: 'invalid_grant', 50173: 'invalid_grant',
  65001: 'invalid_grant', 54005: 'invalid_grant', 70011: 'invalid_scope', 700016: 'unauthorized_client', 7000215: 'invalid_client',
  50148: 'invalid_grant', 90014: 'invalid_request', 9002313: 'invalid_grant', 90002: 'invalid_request',
};

export function sendAadError(reply: FastifyReply, state: DynamicsState, code: number): FastifyReply {
  const timestamp = state.clock.now().toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, 'Z');
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const status = code === 7000215 ? 401 : 400;
  return reply.code(status).header('Content-Type', 'application/json; charset=utf-8').send({
    error: ERROR_NAMES[code] ?? 'invalid_request',
    error_description: `AADSTS${code}: ${AADSTS_MESSAGES[code] ?? 'Error.'}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: [code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${code}`,
  });
}

const PKCE_CHALLENGES = new WeakMap<DynamicsState, Map<string, string>>();

function challengesOf(state: DynamicsState): Map<string, string> {
  let map = PKCE_CHALLENGES.get(state);
  if (!map) {
    map = new Map();
    PKCE_CHALLENGES.set(state, map);
  }
  return map;
}

function isKnownTenant(state: DynamicsState, tenant: string): boolean {
  return tenant === state.tenantId || tenant === 'organizations' || tenant === 'common';
}

/** Scopes are space-separated; a comma makes the whole value invalid on work accounts (reference §2). */
function scopeProblem(state: DynamicsState, scope: string | undefined, allowed: readonly string[]): boolean {
  if (!scope || scope.includes(',')) return true;
  const resource = state.orgUrl.replace(/\/$/, '');
  return scope.split(' ').filter(Boolean).some((item) => {
    if (['offline_access', 'openid', 'profile', 'email'].includes(item)) return false;
    return !allowed.some((suffix) => item === `${resource}/${suffix}` || item === `${resource}//${suffix}`);
  });
}

type Form = Record<string, string | undefined>;

export function registerOAuthRoutes(server: EmulatorServer, state: DynamicsState): void {
  server.app.get<{ Params: { tenant: string }; Querystring: Form }>('/:tenant/oauth2/v2.0/authorize', async (request, reply) => {
    const query = request.query;
    if (!isKnownTenant(state, request.params.tenant)) return sendAadError(reply, state, 90002);
    if (query.client_id !== state.clientId) return sendAadError(reply, state, 700016);
    if (query.response_type !== 'code' || !query.redirect_uri) return sendAadError(reply, state, 9002313);
    if (scopeProblem(state, query.scope, ['user_impersonation', '.default'])) return sendAadError(reply, state, 70011);
    const code = state.issueAuthorizationCode({
      userId: state.integrationUser.systemuserid,
      clientId: query.client_id,
      redirectUri: query.redirect_uri,
      scope: query.scope ?? '',
    });
    if (query.code_challenge) challengesOf(state).set(code, query.code_challenge);
    const target = new URL(query.redirect_uri);
    target.searchParams.set('code', code);
    if (query.state !== undefined) target.searchParams.set('state', query.state);
    target.searchParams.set('session_state', randomUUID());
    return reply.code(302).header('Location', target.toString()).send();
  });

  server.app.post<{ Params: { tenant: string }; Body: Form | string | undefined }>('/:tenant/oauth2/v2.0/token', async (request, reply) => {
    if (!isKnownTenant(state, request.params.tenant)) return sendAadError(reply, state, 90002);
    const form: Form = typeof request.body === 'object' && request.body !== null ? request.body : {};
    if (!form.grant_type) return sendAadError(reply, state, 90014);
    if (form.client_id !== state.clientId) return sendAadError(reply, state, 700016);
    if (form.client_secret !== state.clientSecret) return sendAadError(reply, state, 7000215);
    const scope = form.scope;
    const sendTokens = (userId: string, withRefresh: boolean): FastifyReply => {
      const access = state.issueAccessToken(userId, state.clientId);
      return reply.header('Cache-Control', 'no-store').send({
        token_type: 'Bearer',
        scope: (scope ?? '').split(' ').filter((item) => item !== 'offline_access').join(' '),
        expires_in: access.expiresInSeconds,
        ext_expires_in: access.expiresInSeconds,
        access_token: access.token,
        ...(withRefresh ? { refresh_token: state.issueRefreshToken(userId, state.clientId) } : {}),
      });
    };
    switch (form.grant_type) {
      case 'authorization_code': {
        const grant = form.code ? state.authorizationCodes.get(form.code) : undefined;
        if (!grant || !form.code) return sendAadError(reply, state, 70000);
        if (grant.isRedeemed) return sendAadError(reply, state, 54005);
        if (grant.redirectUri !== form.redirect_uri) return sendAadError(reply, state, 9002313);
        const challenge = challengesOf(state).get(form.code);
        if (challenge) {
          const verifierHash = createHash('sha256').update(form.code_verifier ?? '').digest('base64url');
          if (verifierHash !== challenge) return sendAadError(reply, state, 50148);
        }
        if (scopeProblem(state, scope, ['user_impersonation', '.default'])) return sendAadError(reply, state, 70011);
        grant.isRedeemed = true;
        return sendTokens(grant.userId, (scope ?? '').split(' ').includes('offline_access'));
      }
      case 'refresh_token': {
        const grant = form.refresh_token ? state.refreshTokens.get(form.refresh_token) : undefined;
        if (!grant) return sendAadError(reply, state, 9002313);
        if (grant.revokedWithCode !== undefined) return sendAadError(reply, state, grant.revokedWithCode);
        if (scopeProblem(state, scope, ['user_impersonation', '.default'])) return sendAadError(reply, state, 70011);
        return sendTokens(grant.userId, true);
      }
      case 'client_credentials': {
        if (scopeProblem(state, scope, ['.default'])) return sendAadError(reply, state, 70011);
        return sendTokens(state.integrationUser.systemuserid, false);
      }
      default:
        return sendAadError(reply, state, 70003);
    }
  });
}
