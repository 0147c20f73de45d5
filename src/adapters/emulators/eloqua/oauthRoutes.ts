import type { EmulatorServer } from '../kit/emulatorServer';
import { eloquaDemoCredentials } from './demoOrg';
import type { EloquaInstanceState } from './state';

function clientOf(header: string | undefined, body: Record<string, string>): { id: string; secret: string } {
  if (header?.startsWith('Basic ')) {
    const [id = '', secret = ''] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
    return { id, secret };
  }
  return { id: body.client_id ?? '', secret: body.client_secret ?? '' };
}

/** §1: OAuth on login.eloqua.com: authorize (consents at once) and POST /auth/oauth2/token (client in Basic auth). */
export function registerEloquaOAuthRoutes(server: EmulatorServer, state: EloquaInstanceState): void {
  server.app.get<{ Querystring: Record<string, string> }>('/auth/oauth2/authorize', async (request, reply) => {
    const { client_id: clientId, redirect_uri: redirectUri, state: oauthState } = request.query;
    if (clientId !== eloquaDemoCredentials.clientId || !redirectUri) return reply.code(400).type('text/plain').send('invalid_client');
    const target = new URL(redirectUri);
    target.searchParams.set('code', state.tokens.issueCode('integration-user'));
    if (oauthState) target.searchParams.set('state', oauthState);
    return reply.redirect(target.toString(), 302);
  });
  server.app.post<{ Body: Record<string, string> | string }>('/auth/oauth2/token', async (request, reply) => {
    const body = typeof request.body === 'string' ? (JSON.parse(request.body || '{}') as Record<string, string>) : (request.body ?? {});
    const client = clientOf(request.headers.authorization, body);
    if (client.id !== eloquaDemoCredentials.clientId || client.secret !== eloquaDemoCredentials.clientSecret) return reply.code(401).send({ error: 'invalid_client' });
    let subject: string | undefined;
    if (body.grant_type === 'authorization_code') subject = state.tokens.takeCode(body.code ?? '');
    else if (body.grant_type === 'refresh_token') subject = state.tokens.subjectOfRefresh(body.refresh_token ?? '');
    else return reply.code(400).send({ error: 'unsupported_grant_type' });
    if (!subject) return reply.code(400).send({ error: 'invalid_grant' });
    const access = state.tokens.issueAccess(subject);
    return { access_token: access.token, token_type: 'bearer', expires_in: access.expiresIn, refresh_token: state.tokens.issueRefresh(subject) };
  });
}
