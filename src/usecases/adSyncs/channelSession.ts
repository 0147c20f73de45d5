import { findAdChannelConnection, updateAdChannelConnection, type AdChannelConnectionRow } from '../../adapters/db/repositories/adChannelConnections';
import type { AdChannelId } from '../../domain/sync/channels';
import { AdChannelError, isAdChannelError, type ChannelCallContext, type ChannelOAuthSettings } from '../../ports/adChannel';
import { channelConnector, channelRedirectUri, secretBoxOf, sleeperOf, type AdSyncDeps } from './adSyncDeps';

/**
 * A user's channel login as a call context: tokens opened from their sealed form only here, a refresh persisted
 * (sealed), and a refused login recorded as reauth_required with its catalogue code.
 */
export interface ChannelSession {
  readonly connection: AdChannelConnectionRow;
  readonly ctx: ChannelCallContext;
  callCount(): number;
}

export function oauthSettingsOf(connection: Pick<AdChannelConnectionRow, 'authBaseUrl' | 'clientId' | 'clientSecretSealed'>, deps: AdSyncDeps): ChannelOAuthSettings {
  return {
    authBaseUrl: connection.authBaseUrl,
    clientId: connection.clientId,
    clientSecret: secretBoxOf(deps).open(connection.clientSecretSealed),
    redirectUri: channelRedirectUri(deps.config),
  };
}

export async function markConnectionReauth(deps: AdSyncDeps, connection: AdChannelConnectionRow, reason: string): Promise<void> {
  const now = deps.clock.now();
  await updateAdChannelConnection(deps.db, connection.orgId, connection.id, { status: 'reauth_required', statusReason: reason, statusChangedAt: now, updatedAt: now });
}

/** Throws AdChannelError 'reauth' when the user has no usable login for the channel. */
export async function openChannelSession(orgId: string, userId: string, channel: AdChannelId, deps: AdSyncDeps): Promise<ChannelSession> {
  const connector = channelConnector(channel, deps);
  const connection = await findAdChannelConnection(deps.db, orgId, userId, channel);
  if (!connection) throw new AdChannelError('reauth', 'token_revoked', `${connector.displayName} is not connected for this user.`);
  if (connection.status !== 'connected') throw new AdChannelError('reauth', 'token_expired', connection.statusReason ?? `${connector.displayName} needs you to sign in again.`);
  const now = deps.clock.now();
  if (connection.reauthDueAt && connection.reauthDueAt <= now) {
    await markConnectionReauth(deps, connection, `${connector.displayName} requires signing in again once a year.`);
    throw new AdChannelError('reauth', 'reauth_yearly', `${connector.displayName} requires signing in again once a year.`);
  }
  const box = secretBoxOf(deps);
  let accessToken = box.open(connection.accessTokenSealed);
  let calls = 0;
  const ctx: ChannelCallContext = {
    apiBaseUrl: connection.apiBaseUrl,
    developerToken: connection.developerTokenSealed ? box.open(connection.developerTokenSealed) : undefined,
    accessToken: () => accessToken,
    async refreshAccessToken() {
      if (!connection.refreshTokenSealed) {
        await markConnectionReauth(deps, connection, `${connector.displayName} ended the login; sign in again.`);
        throw new AdChannelError('reauth', 'token_expired', `${connector.displayName} ended the login; sign in again.`);
      }
      try {
        const tokens = await connector.refreshToken(oauthSettingsOf(connection, deps), box.open(connection.refreshTokenSealed));
        accessToken = tokens.accessToken;
        const at = deps.clock.now();
        await updateAdChannelConnection(deps.db, orgId, connection.id, {
          accessTokenSealed: box.seal(tokens.accessToken),
          // LinkedIn does not extend the refresh token's life by refreshing: keep the stored deadline.
          ...(tokens.refreshToken ? { refreshTokenSealed: box.seal(tokens.refreshToken) } : {}),
          accessExpiresAt: tokens.expiresInSeconds === undefined ? null : new Date(at.getTime() + tokens.expiresInSeconds * 1000),
          updatedAt: at,
        });
        return accessToken;
      } catch (error) {
        if (isAdChannelError(error) && error.kind === 'reauth') await markConnectionReauth(deps, connection, error.message);
        throw error;
      }
    },
    sleep: sleeperOf(deps),
    now: () => deps.clock.now(),
    maxWaitMs: deps.maxChannelWaitMs ?? 120_000,
    countCall: () => {
      calls += 1;
    },
  };
  return { connection, ctx, callCount: () => calls };
}

/** Runs channel work in a user's session; a refused login marks the connection for sign-in again. */
export async function withChannelSession<T>(orgId: string, userId: string, channel: AdChannelId, deps: AdSyncDeps, work: (session: ChannelSession) => Promise<T>): Promise<T> {
  const session = await openChannelSession(orgId, userId, channel, deps);
  try {
    return await work(session);
  } catch (error) {
    if (isAdChannelError(error) && error.kind === 'reauth') await markConnectionReauth(deps, session.connection, error.message);
    throw error;
  }
}
