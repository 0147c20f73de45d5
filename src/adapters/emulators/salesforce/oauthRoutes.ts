import type { FastifyInstance, FastifyReply } from 'fastify';
import { baseUrlOf, bearerToken, LATEST_VERSION } from './http';
import type { SalesforceOrgState } from './state';

type Form = Record<string, string | undefined>;

function tokenError(reply: FastifyReply, error: string, description: string, status = 400): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').type('application/json;charset=UTF-8').send({ error, error_description: description });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function redirectWith(redirectUri: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);
  return url.toString();
}

/** OAuth 2.0 web server flow and refresh (reference §3): authorize, token, revoke, identity URL. */
export function registerOAuthRoutes(app: FastifyInstance, state: SalesforceOrgState): void {
  const userId = state.options.integrationUserId;

  app.get<{ Querystring: Form }>('/services/oauth2/authorize', async (request, reply) => {
    const { response_type: responseType, client_id: clientId, redirect_uri: redirectUri, state: clientState, prompt } = request.query;
    if (clientId !== state.tokens.app.clientId) {
      return reply.code(400).type('text/html').send('<html><body><h1>error=invalid_client_id</h1><p>client identifier invalid</p></body></html>');
    }
    if (!redirectUri || !/^https?:\/\//.test(redirectUri)) {
      return reply.code(400).type('text/html').send('<html><body><h1>error=redirect_uri_mismatch</h1><p>redirect_uri must match configuration</p></body></html>');
    }
    if (responseType !== 'code') {
      return reply.redirect(redirectWith(redirectUri, { error: 'unsupported_response_type', error_description: 'response type not supported', state: clientState }));
    }
    if (prompt && /login|consent/.test(prompt)) {
      const hidden = (name: string, value: string | undefined) => (value === undefined ? '' : `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`);
      return reply.type('text/html').send(`<!doctype html><html><head><title>Allow Access?</title></head><body>
<h1>Allow Access?</h1><p>openabm is asking to access your Salesforce data as ${escapeHtml(state.get('User', userId)?.Username as string)}.</p>
<form method="post" action="/services/oauth2/authorize">${hidden('client_id', clientId)}${hidden('redirect_uri', redirectUri)}${hidden('state', clientState)}
<button type="submit" name="decision" value="allow">Allow</button> <button type="submit" name="decision" value="deny">Deny</button></form></body></html>`);
    }
    return reply.redirect(redirectWith(redirectUri, { code: state.tokens.issueAuthorizationCode(userId, redirectUri), state: clientState }));
  });

  app.post<{ Body: Form }>('/services/oauth2/authorize', async (request, reply) => {
    const form = (request.body ?? {}) as Form;
    if (form.client_id !== state.tokens.app.clientId || !form.redirect_uri) return reply.code(400).type('text/html').send('<h1>error=invalid_request</h1>');
    if (form.decision !== 'allow') {
      return reply.redirect(redirectWith(form.redirect_uri, { error: 'access_denied', error_description: 'end-user denied authorization', state: form.state }));
    }
    return reply.redirect(redirectWith(form.redirect_uri, { code: state.tokens.issueAuthorizationCode(userId, form.redirect_uri), state: form.state }));
  });

  app.post<{ Body: Form }>('/services/oauth2/token', async (request, reply) => {
    const form = { ...(request.query as Form), ...((typeof request.body === 'object' && request.body !== null ? request.body : {}) as Form) };
    const { app: connectedApp } = state.tokens;
    if (form.grant_type !== 'authorization_code' && form.grant_type !== 'refresh_token') return tokenError(reply, 'unsupported_grant_type', 'grant type not supported');
    const isSecretRequired = form.grant_type === 'authorization_code';
    if (form.client_id !== connectedApp.clientId || (form.client_secret === undefined ? isSecretRequired : form.client_secret !== connectedApp.clientSecret)) {
      return tokenError(reply, 'invalid_client', 'invalid client credentials');
    }
    let grantedUserId: string;
    let refreshToken: string | undefined;
    let newRefreshToken: string | undefined;
    if (form.grant_type === 'authorization_code') {
      const redeemed = state.tokens.redeemAuthorizationCode(form.code ?? '', form.redirect_uri);
      if (typeof redeemed !== 'string') return tokenError(reply, redeemed.error, redeemed.errorDescription);
      grantedUserId = redeemed;
      refreshToken = state.tokens.issueRefreshToken(grantedUserId);
      newRefreshToken = refreshToken;
    } else {
      const owner = form.refresh_token ? state.tokens.userForRefreshToken(form.refresh_token) : undefined;
      if (!owner) return tokenError(reply, 'invalid_grant', 'expired access/refresh token');
      const user = state.get('User', owner);
      if (!user || user.IsActive !== true) return tokenError(reply, 'invalid_grant', 'authentication failure');
      grantedUserId = owner;
      refreshToken = form.refresh_token;
      if (state.options.isRefreshTokenRotating && refreshToken) {
        refreshToken = state.tokens.rotateRefreshToken(refreshToken);
        newRefreshToken = refreshToken;
      }
    }
    const baseUrl = baseUrlOf(request);
    const { accessToken, issuedAtMs } = state.tokens.issueAccessToken(grantedUserId, refreshToken);
    const identityUrl = `${baseUrl}/id/${state.options.orgId}/${grantedUserId}`;
    return reply.header('cache-control', 'no-store').type('application/json;charset=UTF-8').send({
      access_token: accessToken,
      ...(newRefreshToken ? { refresh_token: newRefreshToken } : {}),
      signature: state.tokens.sign(identityUrl, issuedAtMs),
      scope: 'refresh_token api id',
      instance_url: baseUrl,
      id: identityUrl,
      token_type: 'Bearer',
      issued_at: String(issuedAtMs),
    });
  });

  const revoke = async (token: string | undefined, reply: FastifyReply) => {
    if (!token || !state.tokens.revoke(token)) return tokenError(reply, 'invalid_token', 'invalid token');
    return reply.code(200).send('');
  };
  app.post<{ Body: Form; Querystring: Form }>('/services/oauth2/revoke', async (request, reply) => revoke(((request.body ?? {}) as Form).token ?? request.query.token, reply));
  app.get<{ Querystring: Form }>('/services/oauth2/revoke', async (request, reply) => revoke(request.query.token, reply));

  app.get<{ Params: { orgId: string; userId: string } }>('/id/:orgId/:userId', async (request, reply) => {
    const token = bearerToken(request);
    const sessionUser = token ? state.tokens.userForAccessToken(token) : undefined;
    if (!sessionUser) return reply.code(403).type('text/plain').send('Bad_OAuth_Token');
    const user = state.get('User', request.params.userId);
    if (!user || request.params.orgId !== state.options.orgId) return reply.code(404).type('text/plain').send('Bad_Id');
    const base = baseUrlOf(request);
    const rest = (path: string) => `${base}/services/data/v{version}/${path}`;
    return {
      id: `${base}/id/${state.options.orgId}/${user.Id}`, asserted_user: true, user_id: user.Id, organization_id: state.options.orgId,
      username: user.Username, nick_name: user.Alias, display_name: user.Name, email: user.Email, active: user.IsActive,
      user_type: 'STANDARD', language: 'en_US', locale: 'en_US', utcOffset: 0, last_modified_date: user.LastModifiedDate,
      urls: { rest: rest(''), sobjects: rest('sobjects/'), query: rest('query/'), recent: rest('recent/'), profile: `${base}/${user.Id}` },
      is_app_installed: true, latest_version: LATEST_VERSION,
    };
  });
}
