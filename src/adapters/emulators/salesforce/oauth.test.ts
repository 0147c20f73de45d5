import { afterEach, describe, expect, it } from 'vitest';
import { API, startWireClient, type WireClient } from './testClient';

let client: WireClient;
afterEach(async () => client?.emulator.close());

describe('Salesforce emulator OAuth', () => {
  it('refresh grant returns access_token, instance_url, id, issued_at and an HMAC signature, without expires_in', async () => {
    client = await startWireClient();
    const { credentials } = client.emulator;
    const response = await client.token({ grant_type: 'refresh_token', refresh_token: credentials.refreshToken, client_id: credentials.clientId });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, string>;
    expect(body).toMatchObject({ token_type: 'Bearer', instance_url: client.emulator.baseUrl, scope: 'refresh_token api id' });
    expect(body.id).toMatch(/\/id\/00D\w{15}\/005\w{15}$/);
    expect(body.issued_at).toMatch(/^\d{13}$/);
    expect(body.signature).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(body).not.toHaveProperty('expires_in');
    expect(body).not.toHaveProperty('refresh_token');
  });

  it('authorization-code flow: authorize redirects with code and state, the code is exchanged once for tokens', async () => {
    client = await startWireClient();
    const { credentials, baseUrl } = client.emulator;
    const redirectUri = 'http://127.0.0.1:9/callback';
    const authorize = await fetch(`${baseUrl}/services/oauth2/authorize?${new URLSearchParams({ response_type: 'code', client_id: credentials.clientId, redirect_uri: redirectUri, state: 'xyz' })}`, { redirect: 'manual' });
    expect(authorize.status).toBe(302);
    const location = new URL(authorize.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe(redirectUri);
    expect(location.searchParams.get('state')).toBe('xyz');
    const code = location.searchParams.get('code') ?? '';
    const form = { grant_type: 'authorization_code', code, client_id: credentials.clientId, client_secret: credentials.clientSecret, redirect_uri: redirectUri };
    const exchanged = await client.token(form);
    expect(exchanged.status).toBe(200);
    const tokens = (await exchanged.json()) as Record<string, string>;
    expect(tokens.refresh_token).toBeTruthy();
    const refreshed = await client.token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '', client_id: credentials.clientId });
    expect(refreshed.status).toBe(200);
    const reused = await client.token(form);
    expect(reused.status).toBe(400);
    expect(await reused.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('shows an Allow/Deny consent page with prompt=consent, and Deny redirects with access_denied', async () => {
    client = await startWireClient();
    const { credentials, baseUrl } = client.emulator;
    const page = await fetch(`${baseUrl}/services/oauth2/authorize?${new URLSearchParams({ response_type: 'code', client_id: credentials.clientId, redirect_uri: 'http://127.0.0.1:9/cb', prompt: 'consent' })}`);
    expect(await page.text()).toContain('Allow');
    const denied = await fetch(`${baseUrl}/services/oauth2/authorize`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ client_id: credentials.clientId, redirect_uri: 'http://127.0.0.1:9/cb', decision: 'deny' }) });
    expect(new URL(denied.headers.get('location') ?? '').searchParams.get('error')).toBe('access_denied');
  });

  it('rejects a wrong client secret with invalid_client and an unknown refresh token with invalid_grant', async () => {
    client = await startWireClient();
    const { credentials } = client.emulator;
    const badClient = await client.token({ grant_type: 'refresh_token', refresh_token: credentials.refreshToken, client_id: credentials.clientId, client_secret: 'nope' });
    expect(badClient.status).toBe(400);
    expect(badClient.headers.get('cache-control')).toBe('no-store');
    expect(await badClient.json()).toEqual({ error: 'invalid_client', error_description: 'invalid client credentials' });
    const badToken = await client.token({ grant_type: 'refresh_token', refresh_token: 'unknown', client_id: credentials.clientId });
    expect(await badToken.json()).toEqual({ error: 'invalid_grant', error_description: 'expired access/refresh token' });
    const badGrant = await client.token({ grant_type: 'password', client_id: credentials.clientId });
    expect(await badGrant.json()).toEqual({ error: 'unsupported_grant_type', error_description: 'grant type not supported' });
  });

  it('revoking the refresh token ends its sessions: REST answers 401 and refresh answers invalid_grant', async () => {
    client = await startWireClient();
    const { credentials, baseUrl } = client.emulator;
    const revoke = await fetch(`${baseUrl}/services/oauth2/revoke`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: credentials.refreshToken }) });
    expect(revoke.status).toBe(200);
    const rest = await client.api('/limits');
    expect(rest.status).toBe(401);
    expect(await rest.json()).toEqual([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    const refresh = await client.token({ grant_type: 'refresh_token', refresh_token: credentials.refreshToken, client_id: credentials.clientId });
    expect(refresh.status).toBe(400);
  });

  it('rotating refresh tokens: a refresh returns a new refresh token and the old one stops working', async () => {
    client = await startWireClient({ isRefreshTokenRotating: true });
    const { credentials } = client.emulator;
    const first = (await (await client.token({ grant_type: 'refresh_token', refresh_token: credentials.refreshToken, client_id: credentials.clientId })).json()) as Record<string, string>;
    // startWireClient already refreshed once, rotating the demo token away.
    expect(first).toEqual({ error: 'invalid_grant', error_description: 'expired access/refresh token' });
  });

  it('expires access tokens after the session timeout (injected clock) while the refresh token keeps working', async () => {
    let nowMs = Date.UTC(2025, 0, 15, 12);
    client = await startWireClient({ clock: { now: () => new Date(nowMs) }, sessionTimeoutMs: 60_000 });
    expect((await client.api('/limits')).status).toBe(200);
    nowMs += 60_000;
    expect((await client.api('/limits')).status).toBe(401);
    await client.refresh();
    expect((await client.api('/limits')).status).toBe(200);
  });

  it('lists versions without authentication and does not count that call', async () => {
    client = await startWireClient();
    const versions = (await (await fetch(`${client.emulator.baseUrl}/services/data/`)).json()) as { label: string; url: string; version: string }[];
    expect(versions[0]).toEqual({ label: "Summer '14", url: '/services/data/v31.0', version: '31.0' });
    expect(versions[1]).toEqual({ label: "Winter '15", url: '/services/data/v32.0', version: '32.0' });
    expect(client.emulator.state.apiUsed()).toBe(0);
    const limits = await client.api(`${API}/limits`);
    expect(limits.headers.get('sforce-limit-info')).toBe('api-usage=1/100000');
  });
});
