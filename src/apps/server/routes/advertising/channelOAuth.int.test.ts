import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecretBox } from '../../../../adapters/crypto/secretBox';
import { findAdChannelConnection } from '../../../../adapters/db/repositories/adChannelConnections';
import { startGoogleEmulator, type GoogleEmulator } from '../../../../adapters/emulators/google/index';
import { startLinkedInEmulator, type LinkedInEmulator } from '../../../../adapters/emulators/linkedin/index';
import { startMetaEmulator, type MetaEmulator } from '../../../../adapters/emulators/meta/index';
import { testDatabaseKinds } from '../../../../test/databases';
import { useRouteFixture } from '../../../../test/routeFixture';
import { createTestDeps } from '../../../../test/testApp';

type Channel = 'google' | 'linkedin' | 'meta';

/**
 * The real OAuth authorisation-code flow of each channel, through our HTTP routes and against the channel's emulator:
 * start (PKCE) → the channel's authorize page redirects → our callback exchanges the code → tokens stored sealed →
 * an expired access token is refreshed (Google, LinkedIn) or asks for a new sign-in (Meta has no refresh token).
 */
describe.each(testDatabaseKinds())('channel OAuth sign-in through the routes on %s', (kind) => {
  let emulators: { google: GoogleEmulator; linkedin: LinkedInEmulator; meta: MetaEmulator };

  beforeAll(async () => {
    const [google, linkedin, meta] = await Promise.all([startGoogleEmulator(), startLinkedInEmulator(), startMetaEmulator()]);
    emulators = { google, linkedin, meta };
  });
  afterAll(async () => {
    await Promise.all(Object.values(emulators).map((emulator) => emulator.close()));
  });
  const fixture = useRouteFixture(kind, {
    deps: (database) =>
      createTestDeps(database, {
        sandboxUrls: { google: emulators.google.baseUrl, linkedin: emulators.linkedin.baseUrl, meta: emulators.meta.baseUrl },
        sandboxCredentials: { google: { ...emulators.google.credentials }, linkedin: { ...emulators.linkedin.credentials }, meta: { ...emulators.meta.credentials } },
      }),
  });

  /** POST connect → the authorize page's redirect → the callback URL (path and query) the browser would open. */
  async function authorize(channel: Channel, headers: Record<string, string>): Promise<{ callbackPath: string; authorizationUrl: URL }> {
    const { credentials } = emulators[channel];
    const started = await fixture.app.inject({
      method: 'POST',
      url: `/api/advertising/channels/${channel}/connect`,
      headers,
      payload: { clientId: credentials.clientId, clientSecret: credentials.clientSecret, isEmulator: true },
    });
    expect(started.statusCode).toBe(200);
    const authorizationUrl = new URL(started.json().authorizationUrl as string);
    const consent = await fetch(authorizationUrl, { redirect: 'manual' });
    expect([302, 303]).toContain(consent.status);
    const callback = new URL(consent.headers.get('location') ?? '');
    return { callbackPath: `${callback.pathname}${callback.search}`, authorizationUrl };
  }

  it.each<Channel>(['google', 'linkedin', 'meta'])('%s: authorize redirect → callback → code exchange → sealed tokens → refresh', async (channel) => {
    const emulator = emulators[channel];
    const { org } = fixture;
    const headers = await fixture.headersOf(org, 'marketing_user');
    const { callbackPath, authorizationUrl } = await authorize(channel, headers);
    expect(authorizationUrl.origin).toBe(new URL(emulator.baseUrl).origin);
    expect(authorizationUrl.searchParams.get('redirect_uri')).toBe(`${fixture.deps.config.publicUrl}/api/advertising/oauth/callback`);
    expect(authorizationUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(callbackPath).toMatch(/^\/api\/advertising\/oauth\/callback\?.*code=/);

    const completed = await fixture.app.inject({ method: 'GET', url: callbackPath, headers });
    expect(completed.statusCode).toBe(303);
    expect(completed.headers.location).toBe(`/advertising?connected=${channel}`);
    // The state is single use.
    const replayed = await fixture.app.inject({ method: 'GET', url: callbackPath, headers });
    expect(replayed.headers.location).toBe(`/advertising?error=${encodeURIComponent('This sign-in link has expired or was already used. Start connecting again from Advertising > Overview.')}`);

    const box = createSecretBox(fixture.deps.config.secretKey ?? '');
    const stored = await findAdChannelConnection(fixture.database.db, org.orgId, org.userIds.marketing_user, channel);
    if (!stored) throw new Error('no connection stored');
    expect(stored).toMatchObject({ status: 'connected', environment: 'emulator', clientId: emulator.credentials.clientId });
    const accessToken = box.open(stored.accessTokenSealed);
    // Sealed at rest, and the token the channel issued for this code (not the emulator's demo token).
    expect(stored.accessTokenSealed).not.toContain(accessToken);
    expect(accessToken).not.toBe(emulator.credentials.accessToken);
    expect(emulator.state.tokens.checkAccessToken(accessToken).isValid).toBe(true);
    if (channel === 'google') expect(box.open(stored.developerTokenSealed ?? '')).toBe(emulators.google.credentials.developerToken);
    if (channel === 'linkedin') expect(stored.reauthDueAt?.getTime()).toBeGreaterThan(Date.now() + 360 * 24 * 3600_000);

    const overview = await fixture.app.inject({ method: 'GET', url: '/api/advertising/overview', headers });
    expect(overview.json().channels).toContainEqual(expect.objectContaining({ channel, status: 'connected' }));

    // Every access token expires at the channel; the next call refreshes (Google, LinkedIn) or asks to sign in again (Meta).
    emulator.injectFault('expired_token');
    const accounts = await fixture.app.inject({ method: 'GET', url: `/api/advertising/channels/${channel}/ad-accounts`, headers });
    const after = await findAdChannelConnection(fixture.database.db, org.orgId, org.userIds.marketing_user, channel);
    if (channel === 'meta') {
      expect(accounts.statusCode).toBe(403);
      expect(after?.status).toBe('reauth_required');
    } else {
      expect(accounts.statusCode).toBe(200);
      expect(accounts.json().items).toContainEqual(expect.objectContaining({ id: emulator.credentials.adAccountId }));
      const refreshed = box.open(after?.accessTokenSealed ?? '');
      expect(refreshed).not.toBe(accessToken);
      expect(emulator.state.tokens.checkAccessToken(refreshed).isValid).toBe(true);
      expect(after?.status).toBe('connected');
    }
  });

  it('refuses a callback completed in another user’s session, and says so when the user declines at the channel', async () => {
    const { org } = fixture;
    const starter = await fixture.headersOf(org, 'marketing_user');
    const { callbackPath } = await authorize('linkedin', starter);
    const other = await fixture.headersOf(org, 'abm_admin');
    const hijacked = await fixture.app.inject({ method: 'GET', url: callbackPath, headers: other });
    expect(hijacked.headers.location).toBe(`/advertising?error=${encodeURIComponent('This sign-in was started by another user. Start connecting again from Advertising > Overview, signed in as yourself.')}`);
    expect(await findAdChannelConnection(fixture.database.db, org.orgId, org.userIds.abm_admin, 'linkedin')).toBeUndefined();

    emulators.meta.injectFault('consent_denied', { times: 1 });
    const declined = await authorize('meta', other);
    const answer = await fixture.app.inject({ method: 'GET', url: declined.callbackPath, headers: other });
    expect(answer.headers.location).toBe(`/advertising?error=${encodeURIComponent('Meta did not grant access (access_denied). Try connecting again.')}`);
    expect(await findAdChannelConnection(fixture.database.db, org.orgId, org.userIds.abm_admin, 'meta')).toBeUndefined();
  });

  it('asks for the developer token before a production Google sign-in starts', async () => {
    const headers = await fixture.headersOf(fixture.org, 'marketing_user');
    const refused = await fixture.app.inject({ method: 'POST', url: '/api/advertising/channels/google/connect', headers, payload: { clientId: 'id.apps.googleusercontent.com', clientSecret: 'secret' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toBe('Google needs your developer token (Google Ads > Tools > API Center) besides the OAuth client: enter it and connect again.');
  });
});
