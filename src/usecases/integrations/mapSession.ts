import { findMapConnection, updateMapConnection, type MapConnectionRow } from '../../adapters/db/repositories/mapConnections';
import { mapConnectors } from '../../adapters/connectors/mapRegistry';
import { AppError } from '../../domain/appError';
import { usageDay } from '../../domain/budget/apiAllowance';
import { canCallProvider, isConnectionStatus, type ConnectionEvent } from '../../domain/integrations/connectionState';
import { CrmConnectorError, isCrmConnectorError } from '../../domain/integrations/crmErrors';
import { mapApiLimitReachedMessage, mapLoginRefusedMessage, mapNotConnectedMessage, TOKEN_REFRESH_MARGIN_MS } from '../../domain/mapIntegrations/messages';
import type { CrmTokenSet } from '../../ports/crmConnector';
import type { MapAuthSettings, MapCallContext, MapConnector, MapConnectorRegistry, MapProviderId } from '../../ports/mapConnector';
import { secretBoxFor, sleeperFor } from './connectorFor';
import type { IntegrationDeps } from './integrationDeps';
import { applyStatusEvent, openProviderBudget, recordSessionFailure, runInSession } from './providerSession';

/** IntegrationDeps plus the MAP connectors (tests inject ones with short timeouts). */
export interface MapIntegrationDeps extends IntegrationDeps {
  readonly mapConnectors?: MapConnectorRegistry;
}

export function mapConnectorFor(provider: MapProviderId, deps: MapIntegrationDeps): MapConnector {
  return (deps.mapConnectors ?? mapConnectors)[provider];
}

/** Where HubSpot / Salesforce (Pardot) / Eloqua send the browser back after login. */
export function mapOAuthRedirectUri(deps: Pick<IntegrationDeps, 'config'>): string {
  return `${deps.config.publicUrl.replace(/\/+$/, '')}/api/integrations/map/oauth/callback`;
}

/** Moves the connection's status by an event; does nothing when the event is not allowed from its state. */
export function applyMapConnectionEvent(
  deps: MapIntegrationDeps,
  connection: Pick<MapConnectionRow, 'id' | 'orgId' | 'status'>,
  event: ConnectionEvent,
  reason: string | null,
): Promise<string> {
  return applyStatusEvent(deps, connection, event, reason, (patch) => updateMapConnection(deps.db, connection.orgId, connection.id, patch));
}

export function mapAuthSettingsOf(connection: MapConnectionRow, deps: MapIntegrationDeps): MapAuthSettings {
  const box = secretBoxFor(deps);
  return {
    loginUrl: connection.loginUrl,
    clientId: connection.clientId,
    clientSecret: box.open(connection.clientSecretSealed),
    redirectUri: mapOAuthRedirectUri(deps),
    extra: { ...connection.extra, instanceUrl: connection.instanceUrl, ...(connection.passwordSealed ? { password: box.open(connection.passwordSealed) } : {}) },
  };
}

/** The columns new tokens change (shared by connect, refresh and reconnect). */
export function tokenColumns(tokens: CrmTokenSet, deps: MapIntegrationDeps) {
  const box = secretBoxFor(deps);
  const now = deps.clock.now();
  return {
    accessTokenSealed: box.seal(tokens.accessToken),
    ...(tokens.refreshToken !== undefined ? { refreshTokenSealed: box.seal(tokens.refreshToken) } : {}),
    instanceUrl: tokens.instanceUrl,
    tokenExpiresAt: tokens.expiresInSeconds === undefined ? null : new Date(now.getTime() + tokens.expiresInSeconds * 1000),
    updatedAt: now,
  };
}

export interface MapSession {
  readonly connection: MapConnectionRow;
  readonly connector: MapConnector;
  readonly ctx: MapCallContext;
  /** Provider calls counted through this session. */
  callCount(): number;
}

/** Loads the org's MAP connection and builds the call context: budget, token refresh (before expiry too), limits. */
export async function openMapSession(orgId: string, provider: MapProviderId, deps: MapIntegrationDeps): Promise<MapSession> {
  let connection = await findMapConnection(deps.db, orgId, provider);
  const connector = mapConnectorFor(provider, deps);
  if (!connection) throw new AppError('not_found', mapNotConnectedMessage(provider));
  if (!isConnectionStatus(connection.status) || !canCallProvider(connection.status)) {
    throw new CrmConnectorError('reauth', connection.status, mapLoginRefusedMessage(provider));
  }
  const today = () => usageDay(deps.clock.now());
  if (connection.status === 'api_limit_reached' && usageDay(connection.statusChangedAt) !== today()) {
    connection = { ...connection, status: await applyMapConnectionEvent(deps, connection, 'api_limit_reset', null) };
  }
  const box = secretBoxFor(deps);
  const settled = connection;
  let accessToken = box.open(settled.accessTokenSealed);
  let instanceUrl = settled.instanceUrl;
  const budget = await openProviderBudget(deps, { orgId, provider, dailyAllowance: settled.dailyApiAllowance, limitMessage: mapApiLimitReachedMessage(provider) });
  const refresh = async (): Promise<string> => {
    await budget.reserve();
    try {
      const tokens = await connector.refreshToken(mapAuthSettingsOf(settled, deps), box.open(settled.refreshTokenSealed));
      accessToken = tokens.accessToken;
      instanceUrl = tokens.instanceUrl;
      await updateMapConnection(deps.db, orgId, settled.id, tokenColumns(tokens, deps));
      return accessToken;
    } catch (error) {
      if (isCrmConnectorError(error) && error.kind === 'reauth') {
        throw new CrmConnectorError('reauth', error.code, `${mapLoginRefusedMessage(provider)} (${error.message})`, { httpStatus: 400 });
      }
      throw error;
    }
  };

  const ctx: MapCallContext = {
    orgId,
    provider,
    connectionId: settled.id,
    extra: settled.extra,
    get instanceUrl() {
      return instanceUrl;
    },
    accessToken: () => accessToken,
    refreshAccessToken: refresh,
    beforeCall: () => budget.reserve(),
    afterCall: (outcome) => budget.afterCall(outcome),
    sleep: sleeperFor(deps),
    now: () => deps.clock.now(),
  };
  // Refresh before the token ends rather than waiting for a 401 (HubSpot's guidance; Marketo tokens live an hour).
  if (settled.tokenExpiresAt && settled.tokenExpiresAt.getTime() - deps.clock.now().getTime() < TOKEN_REFRESH_MARGIN_MS) await refresh();
  return { connection: settled, connector, ctx, callCount: () => budget.callCount() };
}

/**
 * Runs provider work in a MAP session and keeps the connection's status true to what happened: a refused refresh →
 * reauth_required, a spent limit → api_limit_reached, a transient failure → error, success after an error → connected.
 * Per-record failures returned by batchUpdate do not change the status.
 */
export async function withMapSession<T>(orgId: string, provider: MapProviderId, deps: MapIntegrationDeps, work: (session: MapSession) => Promise<T>): Promise<T> {
  const session = await openMapSession(orgId, provider, deps);
  return runInSession(
    () => work(session),
    (event, reason) => applyMapConnectionEvent(deps, session.connection, event, reason),
    (error) => recordMapFailure(deps, session.connection, error),
  );
}

export function recordMapFailure(deps: MapIntegrationDeps, connection: MapConnectionRow, error: unknown): Promise<void> {
  return recordSessionFailure(deps, connection, error, (event, reason) => applyMapConnectionEvent(deps, connection, event, reason));
}
