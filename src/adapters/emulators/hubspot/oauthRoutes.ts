import type { EmulatorServer } from '../kit/emulatorServer';
import { hubSpotDemoCredentials } from './demoOrg';
import type { HubSpotPortalState } from './state';

/**
 * OAuth: `GET /oauth/authorize` consents at once and sends the browser back with a code (the emulator's stand-in for
 * app.hubspot.com), `POST /oauth/v1/token` for the code and refresh grants (§1: expires_in in the answer).
 */
export function registerHubSpotOAuthRoutes(server: EmulatorServer, state: HubSpotPortalState): void {
  const badGrant = (message: string) => ({ status: 'BAD_REFRESH_TOKEN', message, correlationId: 'emulator', category: 'BAD_REFRESH_TOKEN' });
  server.app.get<{ Querystring: Record<string, string> }>('/oauth/authorize', async (request, reply) => {
    const { client_id: clientId, redirect_uri: redirectUri, state: oauthState } = request.query;
    if (clientId !== hubSpotDemoCredentials.clientId || !redirectUri) return reply.code(400).type('text/plain').send('Invalid client_id or redirect_uri');
    const target = new URL(redirectUri);
    target.searchParams.set('code', state.tokens.issueCode('demo'));
    if (oauthState) target.searchParams.set('state', oauthState);
    return reply.redirect(target.toString(), 302);
  });
  server.app.post<{ Body: Record<string, string> }>('/oauth/v1/token', async (request, reply) => {
    const body = request.body ?? {};
    if (body.client_id !== hubSpotDemoCredentials.clientId || body.client_secret !== hubSpotDemoCredentials.clientSecret) {
      return reply.code(400).send({ status: 'BAD_CLIENT_ID', message: 'missing or unknown client id', correlationId: 'emulator', category: 'BAD_CLIENT_ID' });
    }
    let subject: string | undefined;
    if (body.grant_type === 'authorization_code') {
      subject = state.tokens.takeCode(body.code ?? '');
      if (!subject) return reply.code(400).send({ status: 'BAD_AUTH_CODE', message: 'auth code not found', correlationId: 'emulator', category: 'BAD_AUTH_CODE' });
    } else if (body.grant_type === 'refresh_token') {
      subject = state.tokens.subjectOfRefresh(body.refresh_token ?? '');
      if (!subject) return reply.code(400).send(badGrant('missing or unknown refresh token'));
    } else {
      return reply.code(400).send({ status: 'BAD_GRANT_TYPE', message: 'grant_type must be authorization_code or refresh_token', correlationId: 'emulator', category: 'BAD_GRANT_TYPE' });
    }
    const access = state.tokens.issueAccess(subject);
    const refreshToken = body.grant_type === 'refresh_token' ? (body.refresh_token ?? '') : state.tokens.issueRefresh(subject);
    return { token_type: 'bearer', access_token: access.token, refresh_token: refreshToken, expires_in: access.expiresIn, hub_id: state.portalId };
  });
}
