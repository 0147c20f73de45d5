import { createHash, randomBytes } from 'node:crypto';
import { insertAdChannelOauthState, takeAdChannelOauthState, upsertAdChannelConnection } from '../../adapters/db/repositories/adChannelConnections';
import { AppError } from '../../domain/appError';
import type { Actor } from '../../domain/permissions/policy';
import { CHANNEL_NAMES, type AdChannelId } from '../../domain/sync/channels';
import { isAdChannelError, type ChannelTokenSet } from '../../ports/adChannel';
import { assertSyncPermission, channelConnector, channelRedirectUri, requireUser, secretBoxOf, type AdSyncDeps } from './adSyncDeps';

/**
 * Connecting one's own channel login (ad-segment-syncs.txt: "the channel integrations require every user to
 * authenticate themselves"): OAuth code flow with PKCE, or one click in sandbox mode with the emulator's login.
 */
const OAUTH_STATE_TTL_MS = 15 * 60_000;
const LINKEDIN_REFRESH_LIFE_MS = 365 * 24 * 3600_000;

const hashState = (state: string) => createHash('sha256').update(state).digest('base64url');

/** Channels whose API needs a developer token besides the user's OAuth tokens (google-ads.md: `developer-token` header). */
const DEVELOPER_TOKEN_CHANNELS: ReadonlySet<AdChannelId> = new Set(['google']);

async function storeTokens(
  deps: AdSyncDeps,
  target: { orgId: string; userId: string; channel: AdChannelId; environment: 'production' | 'emulator'; authBaseUrl: string; apiBaseUrl: string; clientId: string; clientSecret: string; developerToken?: string | undefined },
  tokens: ChannelTokenSet,
) {
  const box = secretBoxOf(deps);
  const now = deps.clock.now();
  const refreshLifeMs = tokens.refreshTokenExpiresInSeconds !== undefined ? tokens.refreshTokenExpiresInSeconds * 1000 : target.channel === 'linkedin' ? LINKEDIN_REFRESH_LIFE_MS : undefined;
  const row = await upsertAdChannelConnection(deps.db, target.orgId, target.userId, target.channel, {
    status: 'connected',
    environment: target.environment,
    authBaseUrl: target.authBaseUrl,
    apiBaseUrl: target.apiBaseUrl,
    clientId: target.clientId,
    clientSecretSealed: box.seal(target.clientSecret),
    accessTokenSealed: box.seal(tokens.accessToken),
    refreshTokenSealed: tokens.refreshToken ? box.seal(tokens.refreshToken) : null,
    developerTokenSealed: target.developerToken ? box.seal(target.developerToken) : null,
    accessExpiresAt: tokens.expiresInSeconds === undefined ? null : new Date(now.getTime() + tokens.expiresInSeconds * 1000),
    // LinkedIn: re-authentication once a year, however often the token is refreshed.
    reauthDueAt: refreshLifeMs === undefined ? null : new Date(now.getTime() + refreshLifeMs),
    statusReason: null,
    statusChangedAt: now,
    connectedAt: now,
    updatedAt: now,
  });
  return { channel: target.channel, status: row.status, connectedAt: row.connectedAt.toISOString() };
}

/** Sandbox mode: one click connects the emulator's demo login for this user. */
export async function connectSandboxChannel({ orgId, actor, input }: { orgId: string; actor: Actor; input: { channel: AdChannelId } }, deps: AdSyncDeps) {
  assertSyncPermission(actor, 'channels.connect', orgId);
  const userId = requireUser(actor);
  const baseUrl = deps.sandboxUrls[input.channel];
  const credentials = deps.sandboxCredentials?.[input.channel];
  if (!deps.config.isSandbox || !baseUrl || !credentials?.accessToken) {
    throw new AppError('bad_request', `The ${CHANNEL_NAMES[input.channel]} emulator only runs in sandbox mode.`);
  }
  return storeTokens(
    deps,
    {
      orgId,
      userId,
      channel: input.channel,
      environment: 'emulator',
      authBaseUrl: baseUrl,
      apiBaseUrl: baseUrl,
      clientId: credentials.clientId ?? 'sandbox',
      clientSecret: credentials.clientSecret ?? 'sandbox',
      developerToken: credentials.developerToken,
    },
    { accessToken: credentials.accessToken, refreshToken: credentials.refreshToken, expiresInSeconds: undefined, refreshTokenExpiresInSeconds: undefined, scope: undefined },
  );
}

/** Starts the OAuth round trip: the browser goes to the returned URL. */
export async function startChannelConnection(
  { orgId, actor, input }: { orgId: string; actor: Actor; input: { channel: AdChannelId; clientId: string; clientSecret: string; developerToken?: string | undefined; isEmulator: boolean } },
  deps: AdSyncDeps,
): Promise<{ authorizationUrl: string }> {
  assertSyncPermission(actor, 'channels.connect', orgId);
  const userId = requireUser(actor);
  const connector = channelConnector(input.channel, deps);
  const emulatorUrl = deps.sandboxUrls[input.channel];
  if (input.isEmulator && !emulatorUrl) throw new AppError('bad_request', `The ${connector.displayName} emulator only runs in sandbox mode.`);
  const urls = input.isEmulator && emulatorUrl ? { authBaseUrl: emulatorUrl, apiBaseUrl: emulatorUrl } : connector.productionUrls;
  const developerToken = input.developerToken ?? (input.isEmulator ? deps.sandboxCredentials?.[input.channel]?.developerToken : undefined);
  if (DEVELOPER_TOKEN_CHANNELS.has(input.channel) && !developerToken) {
    throw new AppError('bad_request', `${connector.displayName} needs your developer token (Google Ads > Tools > API Center) besides the OAuth client: enter it and connect again.`);
  }
  const state = randomBytes(32).toString('base64url');
  const codeVerifier = randomBytes(48).toString('base64url');
  const box = secretBoxOf(deps);
  await insertAdChannelOauthState(deps.db, orgId, {
    stateHash: hashState(state),
    userId,
    channel: input.channel,
    environment: input.isEmulator ? 'emulator' : 'production',
    authBaseUrl: urls.authBaseUrl,
    apiBaseUrl: urls.apiBaseUrl,
    clientId: input.clientId,
    clientSecretSealed: box.seal(input.clientSecret),
    codeVerifierSealed: box.seal(codeVerifier),
    developerTokenSealed: developerToken ? box.seal(developerToken) : null,
    expiresAt: new Date(deps.clock.now().getTime() + OAUTH_STATE_TTL_MS),
  });
  const codeChallenge = createHash('sha256').update(codeVerifier).digest('base64url');
  const settings = { authBaseUrl: urls.authBaseUrl, clientId: input.clientId, clientSecret: input.clientSecret, redirectUri: channelRedirectUri(deps.config) };
  return { authorizationUrl: connector.buildAuthorizationUrl(settings, { state, codeChallenge }) };
}

/** The channel sent the browser back: exchange the code for the tokens of the user who started the sign-in. */
export async function completeChannelOAuth(
  { orgId, actor, input }: { orgId: string; actor: Actor; input: { state: string; code: string | undefined; error: string | undefined } },
  deps: AdSyncDeps,
) {
  assertSyncPermission(actor, 'channels.connect', orgId);
  const pending = await takeAdChannelOauthState(deps.db, hashState(input.state), deps.clock.now());
  if (!pending) throw new AppError('bad_request', 'This sign-in link has expired or was already used. Start connecting again from Advertising > Overview.');
  // A callback URL completed in someone else's browser session must not connect a login (or store one for them).
  if (pending.orgId !== orgId || pending.userId !== actor.userId) {
    throw new AppError('forbidden', 'This sign-in was started by another user. Start connecting again from Advertising > Overview, signed in as yourself.');
  }
  const channel = pending.channel as AdChannelId;
  const connector = channelConnector(channel, deps);
  if (input.error || !input.code) throw new AppError('bad_request', `${connector.displayName} did not grant access (${input.error ?? 'no code'}). Try connecting again.`);
  const box = secretBoxOf(deps);
  const clientSecret = box.open(pending.clientSecretSealed);
  try {
    const tokens = await connector.exchangeCode(
      { authBaseUrl: pending.authBaseUrl, clientId: pending.clientId, clientSecret, redirectUri: channelRedirectUri(deps.config) },
      { code: input.code, codeVerifier: box.open(pending.codeVerifierSealed) },
    );
    return await storeTokens(
      deps,
      {
        orgId: pending.orgId,
        userId: pending.userId,
        channel,
        environment: pending.environment === 'emulator' ? 'emulator' : 'production',
        authBaseUrl: pending.authBaseUrl,
        apiBaseUrl: pending.apiBaseUrl,
        clientId: pending.clientId,
        clientSecret,
        developerToken: pending.developerTokenSealed ? box.open(pending.developerTokenSealed) : undefined,
      },
      tokens,
    );
  } catch (error) {
    if (isAdChannelError(error)) throw new AppError('provider_error', `${connector.displayName} refused the sign-in: ${error.message}`);
    throw error;
  }
}
