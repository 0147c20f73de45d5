import type { FastifyInstance, FastifyReply } from 'fastify';
import { bearerToken, isHttpUrl, paramsOf, redirectWith, sendOAuthError as oauthError } from '../kit/oauthPages';
import { GOOGLE_SCOPES } from './demoOrg';
import { googleErrors, sendGoogleError } from './http';
import type { GoogleState } from './state';

type Form = Record<string, string | undefined>;

/**
 * Google OAuth 2.0: the consent page `/o/oauth2/v2/auth` (auto-approves for the demo user), the token endpoint
 * (`/token`, and the legacy `/oauth2/v4/token`) with the authorization_code and refresh_token grants (3599-second
 * access tokens; refresh tokens last until revoked), `/revoke` and `/oauth2/v3/userinfo`.
 */
export function registerGoogleOAuthRoutes(app: FastifyInstance, state: GoogleState): void {
  const { clientId, clientSecret } = state.options.app;

  app.get<{ Querystring: Form }>('/o/oauth2/v2/auth', async (request, reply) => {
    const { response_type: responseType, client_id: id, redirect_uri: redirectUri, state: clientState, scope } = request.query;
    if (id !== clientId) return reply.code(401).type('text/html').send('<html><body><h1>Error 401: invalid_client</h1><p>The OAuth client was not found.</p></body></html>');
    if (!isHttpUrl(redirectUri)) return reply.code(400).type('text/html').send('<html><body><h1>Error 400: redirect_uri_mismatch</h1></body></html>');
    if (responseType !== 'code') return reply.redirect(redirectWith(redirectUri, { error: 'unsupported_response_type', state: clientState }));
    const code = state.tokens.issueAuthorizationCode(state.options.userEmail, redirectUri, scope ?? GOOGLE_SCOPES);
    return reply.redirect(redirectWith(redirectUri, { code, scope: scope ?? GOOGLE_SCOPES, state: clientState }));
  });

  const token = async (request: { query: unknown; body: unknown }, reply: FastifyReply) => {
    const form = paramsOf(request.query, request.body) as Form;
    if (form.client_id !== clientId || form.client_secret !== clientSecret) return oauthError(reply, 401, 'invalid_client', 'The OAuth client was not found.');
    if (form.grant_type === 'authorization_code') {
      const redeemed = state.tokens.redeemAuthorizationCode(form.code ?? '', form.redirect_uri);
      if (!redeemed) return oauthError(reply, 400, 'invalid_grant', 'Malformed auth code.');
      const issued = state.tokens.issue(redeemed.userId, redeemed.scope);
      return { access_token: issued.accessToken, expires_in: issued.expiresInSeconds, refresh_token: issued.refreshToken, scope: issued.scope, token_type: 'Bearer' };
    }
    if (form.grant_type === 'refresh_token') {
      const check = state.tokens.checkRefreshToken(form.refresh_token);
      if (!check.isValid) return oauthError(reply, 400, 'invalid_grant', 'Token has been expired or revoked.');
      const issued = state.tokens.issue(check.userId, check.scope, { refreshToken: form.refresh_token ?? '' });
      return { access_token: issued.accessToken, expires_in: issued.expiresInSeconds, scope: issued.scope, token_type: 'Bearer' };
    }
    return oauthError(reply, 400, 'unsupported_grant_type', `Invalid grant_type: ${form.grant_type ?? ''}`);
  };
  app.post('/token', async (request, reply) => token(request, reply));
  app.post('/oauth2/v4/token', async (request, reply) => token(request, reply));

  app.post('/revoke', async (request, reply) => {
    const form = paramsOf(request.query, request.body) as Form;
    if (!form.token || !state.tokens.revoke(form.token)) return oauthError(reply, 400, 'invalid_token', 'Token expired or revoked');
    return {};
  });

  app.get('/oauth2/v3/userinfo', async (request, reply) => {
    const check = state.tokens.checkAccessToken(bearerToken(request.headers.authorization));
    if (!check.isValid) return sendGoogleError(reply, googleErrors.unauthenticated(check.reason === 'expired' ? 'ACCESS_TOKEN_EXPIRED' : 'ACCESS_TOKEN_INVALID'));
    return { sub: '104700000000000000001', email: check.userId, email_verified: true, name: 'Avery Morgan' };
  });
}
