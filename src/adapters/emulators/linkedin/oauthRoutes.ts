import type { FastifyInstance, FastifyReply } from 'fastify';
import { bearerToken, isHttpUrl, paramsOf, redirectWith, sendOAuthError as oauthError } from '../kit/oauthPages';
import { LINKEDIN_SCOPES } from './demoOrg';
import { linkedInErrors, sendLinkedInError } from './http';
import type { LinkedInState } from './state';

type Form = Record<string, string | undefined>;

/**
 * LinkedIn OAuth 2.0 (3-legged): authorization page (auto-approves for the demo member), `accessToken` with the
 * authorization_code and refresh_token grants (60-day access tokens; refresh tokens expire 365 days after the first
 * authorisation and refreshing does not extend them), revoke, and the member's identity (`/v2/userinfo`, `/v2/me`).
 */
export function registerLinkedInOAuthRoutes(app: FastifyInstance, state: LinkedInState): void {
  const { clientId, clientSecret } = state.options.app;

  app.get<{ Querystring: Form }>('/oauth/v2/authorization', async (request, reply) => {
    const { response_type: responseType, client_id: id, redirect_uri: redirectUri, state: clientState, scope } = request.query;
    if (id !== clientId) return reply.code(400).type('text/html').send('<html><body><h1>Invalid client_id</h1><p>The client_id is not valid for this application.</p></body></html>');
    if (!isHttpUrl(redirectUri)) return reply.code(400).type('text/html').send('<html><body><h1>Invalid redirect_uri</h1><p>The redirect_uri does not match the registered value.</p></body></html>');
    if (responseType !== 'code') return reply.redirect(redirectWith(redirectUri, { error: 'invalid_request', error_description: 'response_type must be code', state: clientState }));
    const code = state.tokens.issueAuthorizationCode(state.options.memberId, redirectUri, (scope ?? LINKEDIN_SCOPES).replace(/,/g, ' '));
    return reply.redirect(redirectWith(redirectUri, { code, state: clientState }));
  });

  app.post('/oauth/v2/accessToken', async (request, reply) => {
    const form = paramsOf(request.query, request.body) as Form;
    if (form.client_id !== clientId || form.client_secret !== clientSecret) return oauthError(reply, 401, 'invalid_client', 'Client authentication failed');
    if (form.grant_type === 'authorization_code') {
      const redeemed = state.tokens.redeemAuthorizationCode(form.code ?? '', form.redirect_uri);
      if (!redeemed) return oauthError(reply, 400, 'invalid_request', 'Unable to retrieve access token: authorization code not found, expired, or issued for another redirect_uri');
      return tokenResponse(state.tokens.issue(redeemed.userId, redeemed.scope));
    }
    if (form.grant_type === 'refresh_token') {
      const check = state.tokens.checkRefreshToken(form.refresh_token);
      if (!check.isValid) return oauthError(reply, 400, 'invalid_grant', check.reason === 'expired' ? 'The provided refresh token has expired; the member must authorize the application again' : 'The provided authorization grant is invalid, expired, or revoked');
      return tokenResponse(state.tokens.issue(check.userId, check.scope, { refreshToken: form.refresh_token ?? '' }));
    }
    return oauthError(reply, 400, 'unsupported_grant_type', 'grant_type must be authorization_code or refresh_token');
  });

  app.post('/oauth/v2/revoke', async (request, reply) => {
    const form = paramsOf(request.query, request.body) as Form;
    if (form.client_id !== clientId || form.client_secret !== clientSecret) return oauthError(reply, 401, 'invalid_client', 'Client authentication failed');
    if (!form.token || !state.tokens.revoke(form.token)) return oauthError(reply, 400, 'invalid_request', 'Token not found');
    return reply.code(200).send('');
  });

  const member = (authorization: string | undefined, reply: FastifyReply) => {
    const check = state.tokens.checkAccessToken(bearerToken(authorization));
    if (!check.isValid) {
      sendLinkedInError(reply, check.reason === 'expired' ? linkedInErrors.expiredToken() : check.reason === 'revoked' ? linkedInErrors.revokedToken() : linkedInErrors.invalidToken());
      return undefined;
    }
    return check.userId;
  };
  app.get('/v2/userinfo', async (request, reply) => {
    if (!member(request.headers.authorization, reply)) return reply;
    const [given = '', family = ''] = state.options.memberName.split(' ');
    return { sub: state.options.memberId, name: state.options.memberName, given_name: given, family_name: family, email: state.options.memberEmail, email_verified: true, locale: { country: 'US', language: 'en' } };
  });
  app.get('/v2/me', async (request, reply) => {
    if (!member(request.headers.authorization, reply)) return reply;
    const [given = '', family = ''] = state.options.memberName.split(' ');
    return { id: state.options.memberId, localizedFirstName: given, localizedLastName: family };
  });
}

function tokenResponse(issued: { accessToken: string; expiresInSeconds: number; refreshToken: string | undefined; refreshExpiresInSeconds: number | undefined; scope: string }) {
  return {
    access_token: issued.accessToken,
    expires_in: issued.expiresInSeconds,
    ...(issued.refreshToken ? { refresh_token: issued.refreshToken, refresh_token_expires_in: issued.refreshExpiresInSeconds } : {}),
    scope: issued.scope,
  };
}
