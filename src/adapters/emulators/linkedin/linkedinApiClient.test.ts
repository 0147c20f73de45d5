import { createRequire } from 'node:module';
import type { AxiosStatic, InternalAxiosRequestConfig } from 'axios';
import { AuthClient, RestliClient } from 'linkedin-api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLinkedInEmulator, type LinkedInEmulator } from './index';

// AuthClient calls the CommonJS axios default instance (not the ESM one an `import` would give): intercept that one.
const axios = createRequire(import.meta.url)('axios') as AxiosStatic;
let emulator: LinkedInEmulator;
let ejectGlobal: () => void;

/** linkedin-api-client's base URLs are fixed: a request interceptor sends api.linkedin.com and www.linkedin.com to the emulator. */
function redirectToEmulator(config: InternalAxiosRequestConfig): InternalAxiosRequestConfig {
  for (const key of ['url', 'baseURL'] as const) {
    const value = config[key];
    if (value) config[key] = value.replace(/^https:\/\/(api|www)\.linkedin\.com/, emulator.baseUrl);
  }
  return config;
}

beforeAll(async () => {
  emulator = await startLinkedInEmulator();
  const id = axios.interceptors.request.use(redirectToEmulator);
  ejectGlobal = () => axios.interceptors.request.eject(id);
});

afterAll(async () => {
  ejectGlobal();
  await emulator.close();
});

function restClient(): RestliClient {
  const client = new RestliClient();
  client.axiosInstance.interceptors.request.use(redirectToEmulator);
  return client;
}

describe('linkedin-api-client against the LinkedIn emulator', () => {
  it('refreshes the token, lists ad account roles, creates a company segment, adds and removes companies and reads its status', async () => {
    const { credentials, state } = emulator;
    const auth = new AuthClient({ clientId: credentials.clientId, clientSecret: credentials.clientSecret, redirectUrl: 'http://127.0.0.1:9/callback' });
    const authorizeUrl = auth.generateMemberAuthorizationUrl(['rw_dmp_segments', 'r_ads'], 'state-1').replace('https://www.linkedin.com', emulator.baseUrl);
    const consent = await fetch(authorizeUrl, { redirect: 'manual' });
    const code = new URL(consent.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const granted = await auth.exchangeAuthCodeForAccessToken(code);
    expect(granted).toMatchObject({ expires_in: 60 * 86_400, refresh_token_expires_in: 365 * 86_400, scope: 'rw_dmp_segments r_ads' });
    const refreshed = await auth.exchangeRefreshTokenForAccessToken(credentials.refreshToken);
    expect(refreshed.access_token).toMatch(/^AQV/);
    expect(refreshed.refresh_token_expires_in).toBeGreaterThan(364 * 86_400);

    const client = restClient();
    const versionString = credentials.linkedInVersion;
    const accessToken = refreshed.access_token;
    const roles = await client.finder({ resourcePath: '/adAccountUsers', finderName: 'authenticatedUser', accessToken, versionString });
    expect(roles.data.elements.map((element) => element.role)).toEqual(['ACCOUNT_MANAGER', 'CAMPAIGN_MANAGER', 'ACCOUNT_BILLING_ADMIN', 'VIEWER', 'CREATIVE_MANAGER']);

    const created = await client.create({
      resourcePath: '/dmpSegments',
      entity: { name: 'ICP Tier 1', sourcePlatform: 'OPENABM', sourceSegmentId: 'seg_1', account: credentials.adAccountUrn, type: 'COMPANY', destinations: [{ destination: 'LINKEDIN' }] },
      accessToken,
      versionString,
    });
    expect(created.status).toBe(201);
    const segmentId = String(created.createdEntityId);

    const companies = [
      { action: 'ADD', companyName: 'Microsoft', companyWebsiteDomain: 'microsoft.com', organizationUrn: 'urn:li:organization:1035' },
      { action: 'ADD', companyName: 'Acme', companyWebsiteDomain: 'acme.com' },
      { action: 'ADD', companyName: 'Globex', companyWebsiteDomain: 'globex.example' },
      { action: 'ADD', companyName: 'No domain here', companyWebsiteDomain: 'https://bad.example/path' },
    ];
    const tooEarly = await client.batchCreate({ resourcePath: '/dmpSegments/{id}/companies', pathKeys: { id: segmentId }, entities: companies, accessToken, versionString }).then(
      () => undefined,
      (error: { response?: { status: number; data: { message: string } } }) => error.response,
    );
    expect(tooEarly).toMatchObject({ status: 404, data: { message: `Could not find DMP segment with ID ${segmentId}` } });

    state.options.clock.advance(5_000);
    const added = await client.batchCreate({ resourcePath: '/dmpSegments/{id}/companies', pathKeys: { id: segmentId }, entities: companies, accessToken, versionString });
    expect(added.data.elements.map((element: { status: number }) => element.status)).toEqual([201, 201, 201, 400]);
    const removed = await client.batchCreate({ resourcePath: '/dmpSegments/{id}/companies', pathKeys: { id: segmentId }, entities: [{ action: 'REMOVE', companyWebsiteDomain: 'acme.com' }], accessToken, versionString });
    expect(removed.data.elements).toEqual([{ status: 201 }]);

    const building = await client.get({ resourcePath: '/dmpSegments/{id}', pathKeys: { id: segmentId }, accessToken, versionString });
    expect(building.data).toMatchObject({ id: Number(segmentId), type: 'COMPANY', status: 'BUILDING' });
    state.options.clock.advance(30_000);
    const ready = await client.get({ resourcePath: '/dmpSegments/{id}', pathKeys: { id: segmentId }, accessToken, versionString });
    const inspected = (await (await fetch(`${emulator.baseUrl}/__emulator/audiences/${segmentId}/members`)).json()) as { matchedCount: number; members: { identifiers: Record<string, string> }[] };
    expect(inspected.members.map((member) => member.identifiers.DOMAIN).sort()).toEqual(['globex.example', 'microsoft.com']);
    expect(ready.data).toMatchObject({ status: 'READY', matchedCount: inspected.matchedCount, audienceSize: inspected.matchedCount * 40 });

    const found = await client.finder({ resourcePath: '/dmpSegments', finderName: 'account', queryParams: { account: credentials.adAccountUrn, sourceSegmentId: 'seg_1', sourcePlatform: 'OPENABM' }, accessToken, versionString });
    expect(found.data.elements.map((element) => String(element.id))).toEqual([segmentId]);
  });

  it('answers 401 INVALID_ACCESS_TOKEN to a bad token', async () => {
    const failure = await restClient()
      .get({ resourcePath: '/adAccounts/{id}', pathKeys: { id: emulator.credentials.adAccountId }, accessToken: 'not-a-token', versionString: emulator.credentials.linkedInVersion })
      .then(
        () => undefined,
        (error: { response?: { status: number; data: unknown } }) => error.response,
      );
    expect(failure).toMatchObject({ status: 401, data: { status: 401, code: 'INVALID_ACCESS_TOKEN' } });
  });
});
