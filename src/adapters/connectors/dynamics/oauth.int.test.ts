import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CrmConnectorError } from '../../../domain/integrations/crmErrors';
import { DYNAMICS_PROVIDER } from './provider';
import { pkcePair, startDynamicsTestBed, type DynamicsTestBed } from './testSetup';

let bed: DynamicsTestBed;
beforeAll(async () => {
  bed = await startDynamicsTestBed({ accountCount: 50, inactiveAccountCount: 0 });
});
afterEach(() => bed.clearFaults());
afterAll(() => bed.close());

async function authorize(state: string, challenge: string): Promise<URL> {
  const url = bed.connector.buildAuthorizationUrl(bed.settings, { state, codeChallenge: challenge });
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location') ?? '');
}

describe('Dynamics connector: OAuth against the Entra ID emulator', () => {
  it('asks for user_impersonation and offline_access, space-separated, with PKCE', () => {
    const url = new URL(bed.connector.buildAuthorizationUrl(bed.settings, { state: 's1', codeChallenge: 'c1' }));
    expect(url.pathname).toBe(`/${bed.emulator.credentials.tenantId}/oauth2/v2.0/authorize`);
    expect(url.searchParams.get('scope')).toBe(`${bed.emulator.credentials.orgUrl}/user_impersonation offline_access`);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  });

  it('exchanges the code for tokens and learns the connected user from WhoAmI', async () => {
    const pkce = pkcePair();
    const redirect = await authorize('state-123', pkce.challenge);
    expect(redirect.searchParams.get('state')).toBe('state-123');
    const tokens = await bed.connector.exchangeCode(bed.settings, { code: redirect.searchParams.get('code') ?? '', codeVerifier: pkce.verifier });
    expect(tokens.refreshToken).toBeTruthy();
    expect(tokens.expiresInSeconds).toBe(3600);
    expect(tokens.instanceUrl).toBe(bed.emulator.credentials.orgUrl);
    expect(tokens.externalUserId).toBe(bed.emulator.state.integrationUser.systemuserid);
    expect(tokens.externalOrgId).toBe(bed.emulator.state.organizationId);
  });

  it('refuses a code redeemed with the wrong PKCE verifier as reauth', async () => {
    const redirect = await authorize('s', pkcePair().challenge);
    const attempt = bed.connector.exchangeCode(bed.settings, { code: redirect.searchParams.get('code') ?? '', codeVerifier: pkcePair().verifier });
    await expect(attempt).rejects.toMatchObject({ kind: 'reauth' });
  });

  it('refreshes with the stored refresh token and gets a rotated one', async () => {
    const tokens = await bed.connector.refreshToken(bed.settings, bed.emulator.credentials.refreshToken);
    expect(tokens.accessToken).toMatch(/^dyn-at-/);
    expect(tokens.refreshToken).not.toBe(bed.emulator.credentials.refreshToken);
    const form = bed.emulator.server.requestsTo(`/${bed.emulator.credentials.tenantId}/oauth2/v2.0/token`, 'POST')[0]?.body as Record<string, string>;
    expect(form.grant_type).toBe('refresh_token');
    expect(form.scope).not.toContain(',');
  });

  it.each([700082, 70008, 50173, 65001] as const)('treats a refresh token refused with AADSTS%s as reauth with the login message', async (aadstsCode) => {
    bed.inject('revokedRefreshToken', { aadstsCode });
    const error = await bed.connector.refreshToken(bed.settings, bed.emulator.credentials.refreshToken).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CrmConnectorError);
    expect(error).toMatchObject({ kind: 'reauth', message: DYNAMICS_PROVIDER.unableToLogInMessage });
  });

  it('treats a wrong client secret as reauth', async () => {
    const error = await bed.connector.refreshToken({ ...bed.settings, clientSecret: 'wrong' }, bed.emulator.credentials.refreshToken).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'reauth' });
  });

  it('on a 401 refreshes once and replays the call', async () => {
    const test = await bed.connect();
    bed.inject('expiredToken');
    const page = await bed.connector.readChanges(test.ctx, { objectType: 'account', modifiedSince: undefined, pageToken: undefined });
    expect(page.records).toHaveLength(50);
    expect(test.refreshCount).toBe(1);
    expect(test.statuses).toEqual([401, 200]);
  });

  it('on a 401 whose refresh is refused throws reauth without retrying further', async () => {
    const test = await bed.connect();
    bed.inject('expiredToken');
    bed.inject('revokedRefreshToken', { aadstsCode: 50173 });
    const error = await bed.connector.readChanges(test.ctx, { objectType: 'account', modifiedSince: undefined, pageToken: undefined }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'reauth' });
    expect(test.refreshCount).toBe(1);
    expect(test.statuses).toEqual([401]);
  });

  it('after one refresh a second 401 is reauth, not a loop', async () => {
    const test = await bed.connect();
    bed.inject('expiredToken');
    bed.emulator.state.accessTokenTtlSeconds = 0;
    const error = await bed.connector.readChanges(test.ctx, { objectType: 'account', modifiedSince: undefined, pageToken: undefined }).catch((caught: unknown) => caught);
    bed.emulator.state.accessTokenTtlSeconds = 3600;
    expect(error).toMatchObject({ kind: 'reauth' });
    expect(test.refreshCount).toBe(1);
    expect(test.statuses).toEqual([401, 401]);
  });
});
