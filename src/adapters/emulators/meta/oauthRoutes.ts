import type { FastifyInstance } from 'fastify';
import { isHttpUrl, redirectWith } from '../kit/oauthPages';
import { META_SCOPES } from './demoOrg';
import { graphParams, sendGraphError } from './http';
import { MetaState } from './state';

/**
 * Facebook Login for the Graph emulator: the OAuth dialog (auto-approves for the demo user), the code exchange,
 * fb_exchange_token for 60-day tokens, and debug_token. Meta has no refresh tokens: a user re-authorises when the
 * long-lived token expires.
 */
export function registerMetaOAuthRoutes(app: FastifyInstance, state: MetaState): void {
  const { clientId, clientSecret } = state.options.app;

  app.get<{ Params: { version: string }; Querystring: Record<string, string | undefined> }>('/:version/dialog/oauth', async (request, reply) => {
    const { client_id: id, redirect_uri: redirectUri, state: clientState, scope } = request.query;
    if (id !== clientId) return reply.code(400).type('text/html').send('<html><body><h1>Invalid App ID</h1><p>The provided app ID does not look like a valid app ID.</p></body></html>');
    if (!isHttpUrl(redirectUri)) return reply.code(400).type('text/html').send('<html><body><h1>URL blocked</h1><p>The redirect_uri is not whitelisted in the app\'s client OAuth settings.</p></body></html>');
    const code = state.tokens.issueAuthorizationCode(state.options.demoUserId, redirectUri, scope ?? META_SCOPES);
    return reply.redirect(redirectWith(redirectUri, { code, state: clientState }));
  });

  app.route<{ Params: { version: string } }>({
    method: ['GET', 'POST'],
    url: '/:version/oauth/access_token',
    handler: async (request, reply) => {
      const params = graphParams(request) as Record<string, string | undefined>;
      if (params.client_id !== clientId) return sendGraphError(reply, { status: 400, code: 101, message: 'Error validating application. Invalid application ID.' });
      if (params.client_secret !== clientSecret) return sendGraphError(reply, { status: 400, code: 1, message: 'Error validating client secret.' });
      if (params.grant_type === 'fb_exchange_token') {
        const check = state.tokens.checkAccessToken(params.fb_exchange_token);
        if (!check.isValid) return sendGraphError(reply, { status: 400, code: 190, ...(check.reason === 'expired' ? { subcode: 463 } : {}), message: 'Error validating access token: the token to exchange is invalid or expired.' });
        const issued = state.tokens.issue(check.userId, check.scope, { accessTtlMs: MetaState.LONG_LIVED_TTL_MS, withRefreshToken: false });
        return { access_token: issued.accessToken, token_type: 'bearer', expires_in: issued.expiresInSeconds };
      }
      if (params.grant_type === 'client_credentials') return { access_token: `${clientId}|${clientSecret}`, token_type: 'bearer' };
      const redeemed = state.tokens.redeemAuthorizationCode(params.code ?? '', params.redirect_uri);
      if (!redeemed) return sendGraphError(reply, { status: 400, code: 100, subcode: 36007, message: 'Invalid verification code format, or the code was used, expired, or issued for another redirect_uri.' });
      const issued = state.tokens.issue(redeemed.userId, redeemed.scope, { withRefreshToken: false });
      return { access_token: issued.accessToken, token_type: 'bearer', expires_in: issued.expiresInSeconds };
    },
  });

  app.get<{ Params: { version: string } }>('/:version/debug_token', async (request, reply) => {
    const params = graphParams(request) as Record<string, string | undefined>;
    const isAppToken = params.access_token === `${clientId}|${clientSecret}`;
    if (!isAppToken && !state.tokens.checkAccessToken(params.access_token).isValid) {
      return sendGraphError(reply, { status: state.invalidTokenStatus, code: 190, message: 'Invalid OAuth access token - Cannot parse access token' });
    }
    const check = state.tokens.checkAccessToken(params.input_token);
    const base = { app_id: clientId, type: 'USER', application: 'openabm (emulator)' };
    if (!check.isValid) {
      const subcodes = { expired: 463, revoked: 458, unknown: undefined } as const;
      return { data: { ...base, is_valid: false, scopes: [], error: { code: 190, message: `Error validating access token: ${check.reason === 'expired' ? 'Session has expired' : 'The token is not valid'}`, ...(subcodes[check.reason] ? { subcode: subcodes[check.reason] } : {}) } } };
    }
    const seconds = (ms: number) => Math.floor(ms / 1000);
    return {
      data: { ...base, is_valid: true, issued_at: seconds(check.issuedAtMs), expires_at: seconds(check.expiresAtMs), data_access_expires_at: seconds(check.expiresAtMs + 30 * 86_400_000), scopes: check.scope.split(','), user_id: check.userId },
    };
  });
}
