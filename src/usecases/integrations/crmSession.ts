import { findCrmConnection, updateCrmConnection, type CrmConnectionRow } from '../../adapters/db/repositories/crmConnections';
import { usageDay } from '../../domain/budget/apiAllowance';
import { CRM_MESSAGES, loginRefusedMessage } from '../../domain/crmSources/messages';
import { canCallProvider, isConnectionStatus, type ConnectionEvent } from '../../domain/integrations/connectionState';
import { CrmConnectorError, isCrmConnectorError } from '../../domain/integrations/crmErrors';
import { AppError } from '../../domain/appError';
import type { CrmCallContext, CrmConnector, CrmOAuthSettings, CrmProvider } from '../../ports/crmConnector';
import { connectorFor, secretBoxFor, sleeperFor } from './connectorFor';
import { oauthRedirectUri, type IntegrationDeps } from './integrationDeps';
import { applyStatusEvent, openProviderBudget, recordSessionFailure, runInSession } from './providerSession';

/** Moves the connection's status by an event; does nothing when the event is not allowed from its state. */
export function applyConnectionEvent(
  deps: IntegrationDeps,
  connection: Pick<CrmConnectionRow, 'id' | 'orgId' | 'status'>,
  event: ConnectionEvent,
  reason: string | null,
): Promise<string> {
  return applyStatusEvent(deps, connection, event, reason, (patch) => updateCrmConnection(deps.db, connection.orgId, connection.id, patch));
}

export function oauthSettingsOf(connection: CrmConnectionRow, deps: IntegrationDeps): CrmOAuthSettings {
  return {
    loginUrl: connection.loginUrl,
    clientId: connection.clientId,
    clientSecret: secretBoxFor(deps).open(connection.clientSecretSealed),
    redirectUri: oauthRedirectUri(deps.config),
    resourceUrl: connection.resourceUrl ?? undefined,
  };
}

export interface CrmSession {
  readonly connection: CrmConnectionRow;
  readonly connector: CrmConnector;
  readonly ctx: CrmCallContext;
  /** Provider calls counted through this session. */
  callCount(): number;
}

/** Whether a person waits on the page for this session's answers (CrmCallContext.isPersonWaiting). */
export interface CrmSessionOptions {
  readonly isPersonWaiting?: boolean;
}

/** Loads the org's connection and builds the call context: budget, token refresh, provider limits. */
export async function openCrmSession(orgId: string, provider: CrmProvider, deps: IntegrationDeps, options: CrmSessionOptions = {}): Promise<CrmSession> {
  let connection = await findCrmConnection(deps.db, orgId, provider);
  const connector = connectorFor(provider, deps);
  if (!connection) throw new AppError('not_found', `${connector.displayName} is not connected. ${CRM_MESSAGES.noValidCredentials}`);
  if (!isConnectionStatus(connection.status) || !canCallProvider(connection.status)) {
    throw new CrmConnectorError('reauth', connection.status, loginRefusedMessage(provider));
  }
  const now = deps.clock.now();
  // A limit reached on an earlier day is over: the allowance renews at UTC midnight.
  if (connection.status === 'api_limit_reached' && usageDay(connection.statusChangedAt) !== usageDay(now)) {
    const status = await applyConnectionEvent(deps, connection, 'api_limit_reset', null);
    connection = { ...connection, status };
  }
  const box = secretBoxFor(deps);
  let accessToken = box.open(connection.accessTokenSealed);
  const settled = connection;
  const budget = await openProviderBudget(deps, { orgId, provider, dailyAllowance: settled.dailyApiAllowance, limitMessage: CRM_MESSAGES.apiLimitReached });

  const isPersonWaiting = options.isPersonWaiting === true;
  const ctx: CrmCallContext = {
    orgId,
    connectionId: settled.id,
    instanceUrl: settled.instanceUrl,
    accessToken: () => accessToken,
    async refreshAccessToken() {
      await budget.reserve();
      try {
        const settings = oauthSettingsOf(settled, deps);
        const refreshToken = box.open(settled.refreshTokenSealed);
        // A person waiting gets the login server's answer, or its silence, within the short timeout of a data call.
        const tokens = isPersonWaiting ? await connector.refreshToken(settings, refreshToken, { isPersonWaiting }) : await connector.refreshToken(settings, refreshToken);
        accessToken = tokens.accessToken;
        await updateCrmConnection(deps.db, orgId, settled.id, {
          accessTokenSealed: box.seal(tokens.accessToken),
          ...(tokens.refreshToken ? { refreshTokenSealed: box.seal(tokens.refreshToken) } : {}),
          instanceUrl: tokens.instanceUrl,
          updatedAt: deps.clock.now(),
        });
        return accessToken;
      } catch (error) {
        if (isCrmConnectorError(error) && error.kind === 'reauth') {
          throw new CrmConnectorError('reauth', error.code, loginRefusedMessage(provider), { httpStatus: 400 });
        }
        throw error;
      }
    },
    beforeCall: () => budget.reserve(),
    afterCall: (outcome) => budget.afterCall(outcome),
    sleep: sleeperFor(deps),
    now: () => deps.clock.now(),
    ...(isPersonWaiting ? { isPersonWaiting } : {}),
  };
  return { connection: settled, connector, ctx, callCount: () => budget.callCount() };
}

/**
 * Runs provider work in a session and keeps the connection's status true to what happened: a refused refresh →
 * reauth_required, a spent limit → api_limit_reached, success after an error → connected.
 */
export async function withCrmSession<T>(
  orgId: string,
  provider: CrmProvider,
  deps: IntegrationDeps,
  work: (session: CrmSession) => Promise<T>,
  options: CrmSessionOptions = {},
): Promise<T> {
  const session = await openCrmSession(orgId, provider, deps, options);
  return runInSession(
    () => work(session),
    (event, reason) => applyConnectionEvent(deps, session.connection, event, reason),
    (error) => recordFailure(deps, session.connection, error),
  );
}

export function recordFailure(deps: IntegrationDeps, connection: CrmConnectionRow, error: unknown): Promise<void> {
  return recordSessionFailure(deps, connection, error, (event, reason) => applyConnectionEvent(deps, connection, event, reason));
}

/** A connector failure as the AppError a route shows: the message is the specification's text. */
export function toAppError(error: unknown): unknown {
  if (!isCrmConnectorError(error)) return error;
  const code = error.kind === 'api_limit' ? 'limit_reached' : error.kind === 'retry' ? 'rate_limited' : error.kind === 'reauth' ? 'provider_error' : 'validation_failed';
  return new AppError(code, error.message, { crmErrorKind: error.kind, crmErrorCode: error.code });
}
