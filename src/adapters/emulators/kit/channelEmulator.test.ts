import { afterEach, describe, expect, it } from 'vitest';
import { addChannelFaultRule, injectSharedChannelFault, isSharedChannelFault, type ChannelFaultWire } from './channelEmulator';
import { EmulatorServer } from './emulatorServer';
import { OAuthTokenStore } from './oauthTokens';

const wire: ChannelFaultWire = {
  isApiPath: (path) => path.startsWith('/api/'),
  isAuthorizePath: (path) => path === '/authorize',
  consentDeniedParams: { error: 'access_denied', error_reason: 'user_denied' },
  missingRedirectBody: { error: 'invalid_request' },
};

describe('the ad-channel emulator kit’s shared faults', () => {
  let server: EmulatorServer | undefined;
  afterEach(async () => {
    await server?.close();
  });

  async function start(): Promise<{ server: EmulatorServer; baseUrl: string; tokens: OAuthTokenStore }> {
    server = new EmulatorServer({ name: 'kit-test' });
    server.app.get('/api/thing', async () => ({ isReal: true }));
    server.app.get('/authorize', async () => ({ isReal: true }));
    const baseUrl = await server.listen(0);
    return { server, baseUrl, tokens: new OAuthTokenStore({ clientId: 'c', clientSecret: 's' }, { accessTtlMs: 60_000, refreshTtlMs: 3_600_000 }, () => Date.now(), 'kt') };
  }

  it('tells shared fault names from the channel’s own', () => {
    expect(['slow', 'consent_denied', 'expired_token', 'rate_limit'].filter(isSharedChannelFault)).toEqual(['slow', 'consent_denied', 'expired_token']);
  });

  it('consent_denied redirects with the channel’s parameters and the state, then lifts', async () => {
    const { server: emulator, baseUrl, tokens } = await start();
    const lift = injectSharedChannelFault(emulator, tokens, wire, 'consent_denied', {});
    const denied = await fetch(`${baseUrl}/authorize?redirect_uri=${encodeURIComponent('http://app.test/cb')}&state=s1`, { redirect: 'manual' });
    expect(denied.status).toBe(302);
    expect(denied.headers.get('location')).toBe('http://app.test/cb?error=access_denied&error_reason=user_denied&state=s1');
    expect((await fetch(`${baseUrl}/authorize`)).status).toBe(400);
    lift();
    expect(await (await fetch(`${baseUrl}/authorize`)).json()).toEqual({ isReal: true });
  });

  it('slow delays only the channel’s API paths (or the given prefix) for `times` requests', async () => {
    const { server: emulator, baseUrl, tokens } = await start();
    injectSharedChannelFault(emulator, tokens, wire, 'slow', { delayMs: 150, times: 1 });
    const startedMs = Date.now();
    expect(await (await fetch(`${baseUrl}/api/thing`)).json()).toEqual({ isReal: true });
    expect(Date.now() - startedMs).toBeGreaterThanOrEqual(140);
    const rule = addChannelFaultRule(emulator, wire, 'teapot', { pathPrefix: '/authorize' }, (_request, reply) => reply.code(418).send({}));
    expect((await fetch(`${baseUrl}/api/thing`)).status).toBe(200);
    expect((await fetch(`${baseUrl}/authorize`)).status).toBe(418);
    rule();
    expect((await fetch(`${baseUrl}/authorize`)).status).toBe(200);
  });

  it('token faults change the token store: expired access tokens, expired refresh tokens, revoked grants', async () => {
    const { server: emulator, tokens } = await start();
    const first = tokens.issue('u1', 'scope');
    injectSharedChannelFault(emulator, tokens, wire, 'expired_token', {});
    expect(tokens.checkAccessToken(first.accessToken)).toEqual({ isValid: false, reason: 'expired' });
    expect(tokens.checkRefreshToken(first.refreshToken).isValid).toBe(true);
    injectSharedChannelFault(emulator, tokens, wire, 'refresh_token_expired', {});
    expect(tokens.checkRefreshToken(first.refreshToken)).toEqual({ isValid: false, reason: 'expired' });
    const second = tokens.issue('u2', 'scope');
    injectSharedChannelFault(emulator, tokens, wire, 'revoked_token', {});
    expect(tokens.checkAccessToken(second.accessToken)).toEqual({ isValid: false, reason: 'revoked' });
  });
});
