import type { EmulatorServer } from '../kit/emulatorServer';
import { pardotDemoCredentials } from './demoOrg';
import type { PardotBusinessUnitState } from './state';

/**
 * The Salesforce login Pardot uses (§1, salesforce.md §3): authorize (consents at once) and the token endpoint with
 * the code and refresh grants. The emulator serves login and Pardot API on one host.
 */
export function registerPardotOAuthRoutes(server: EmulatorServer, state: PardotBusinessUnitState): void {
  server.app.get<{ Querystring: Record<string, string> }>('/services/oauth2/authorize', async (request, reply) => {
    const { client_id: clientId, redirect_uri: redirectUri, state: oauthState } = request.query;
    if (clientId !== pardotDemoCredentials.clientId || !redirectUri) return reply.code(400).type('text/plain').send('error=invalid_client_id');
    const target = new URL(redirectUri);
    target.searchParams.set('code', state.tokens.issueCode('integration-user'));
    if (oauthState) target.searchParams.set('state', oauthState);
    return reply.redirect(target.toString(), 302);
  });
  server.app.post<{ Body: Record<string, string> }>('/services/oauth2/token', async (request, reply) => {
    const body = request.body ?? {};
    if (body.client_id !== pardotDemoCredentials.clientId || body.client_secret !== pardotDemoCredentials.clientSecret) {
      return reply.code(400).send({ error: 'invalid_client', error_description: 'invalid client credentials' });
    }
    let subject: string | undefined;
    if (body.grant_type === 'authorization_code') subject = state.tokens.takeCode(body.code ?? '');
    else if (body.grant_type === 'refresh_token') subject = state.tokens.subjectOfRefresh(body.refresh_token ?? '');
    else return reply.code(400).send({ error: 'unsupported_grant_type', error_description: 'grant type not supported' });
    if (!subject) return reply.code(400).send({ error: 'invalid_grant', error_description: 'expired access/refresh token' });
    const access = state.tokens.issueAccess(subject);
    const base = server.baseUrl;
    return {
      access_token: access.token,
      ...(body.grant_type === 'authorization_code' ? { refresh_token: state.tokens.issueRefresh(subject) } : {}),
      instance_url: base,
      id: `${base}/id/00D5g000000TestEAA/0055g000000TestAAA`,
      token_type: 'Bearer',
      issued_at: String(state.clock.now().getTime()),
      scope: 'pardot_api refresh_token',
    };
  });
}
