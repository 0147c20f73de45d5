import {
  findCrmApiUsage,
  findCrmConnection,
  markCrmApiLimitReached,
  recordCrmProviderUsage,
  reserveCrmApiCall,
  updateCrmConnection,
  type CrmConnectionRow,
} from '../../adapters/db/repositories/crmConnections';
import { decideCall, usageDay } from '../../domain/budget/apiAllowance';
import { CRM_MESSAGES, loginRefusedMessage } from '../../domain/crmSources/messages';
import { canCallProvider, nextConnectionStatus, isConnectionStatus, type ConnectionEvent } from '../../domain/integrations/connectionState';
import { CrmConnectorError, isCrmConnectorError } from '../../domain/integrations/crmErrors';
import { AppError } from '../../domain/appError';
import type { CrmCallContext, CrmConnector, CrmOAuthSettings, CrmProvider, CrmProviderUsage } from '../../ports/crmConnector';
import { connectorFor, secretBoxFor, sleeperFor } from './connectorFor';
import { oauthRedirectUri, type IntegrationDeps } from './integrationDeps';

/** Moves the connection's status by an event; does nothing when the event is not allowed from its state. */
export async function applyConnectionEvent(
  deps: IntegrationDeps,
  connection: Pick<CrmConnectionRow, 'id' | 'orgId' | 'status'>,
  event: ConnectionEvent,
  reason: string | null,
): Promise<string> {
  if (!isConnectionStatus(connection.status)) return connection.status;
  const next = nextConnectionStatus(connection.status, event);
  if (!next) return connection.status;
  if (next === connection.status && event === 'call_succeeded') return next;
  const now = deps.clock.now();
  await updateCrmConnection(deps.db, connection.orgId, connection.id, {
    status: next,
    statusReason: next === 'connected' || next === 'expiring' ? null : reason,
    ...(next === connection.status ? {} : { statusChangedAt: now }),
    updatedAt: now,
  });
  return next;
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

/** Loads the org's connection and builds the call context: budget, token refresh, provider limits. */
export async function openCrmSession(orgId: string, provider: CrmProvider, deps: IntegrationDeps): Promise<CrmSession> {
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
  const sleep = sleeperFor(deps);
  let calls = 0;
  let providerUsage: CrmProviderUsage | undefined;
  const today = () => usageDay(deps.clock.now());
  const usageRow = await findCrmApiUsage(deps.db, orgId, provider, today());
  if (usageRow?.providerUsed != null && usageRow.providerMax != null) providerUsage = { used: usageRow.providerUsed, max: usageRow.providerMax };

  const refuse = async (code: string): Promise<never> => {
    await markCrmApiLimitReached(deps.db, orgId, provider, today(), deps.clock.now());
    throw new CrmConnectorError('api_limit', code, CRM_MESSAGES.apiLimitReached);
  };
  const reserve = async () => {
    const decision = decideCall({ dailyAllowance: settled.dailyApiAllowance, callsToday: 0, providerUsage });
    if (!decision.isAllowed) await refuse(decision.reason);
    const count = await reserveCrmApiCall(deps.db, orgId, provider, today(), settled.dailyApiAllowance, deps.clock.now());
    if (count === undefined) await refuse('allowance_spent');
    calls += 1;
  };

  const ctx: CrmCallContext = {
    orgId,
    connectionId: settled.id,
    instanceUrl: settled.instanceUrl,
    accessToken: () => accessToken,
    async refreshAccessToken() {
      await reserve();
      try {
        const tokens = await connector.refreshToken(oauthSettingsOf(settled, deps), box.open(settled.refreshTokenSealed));
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
    beforeCall: () => reserve(),
    async afterCall(outcome) {
      if (!outcome.providerUsage) return;
      providerUsage = outcome.providerUsage;
      await recordCrmProviderUsage(deps.db, orgId, provider, today(), outcome.providerUsage, deps.clock.now());
    },
    sleep,
    now: () => deps.clock.now(),
  };
  return { connection: settled, connector, ctx, callCount: () => calls };
}

/**
 * Runs provider work in a session and keeps the connection's status true to what happened: a refused refresh →
 * reauth_required, a spent limit → api_limit_reached, success after an error → connected.
 */
export async function withCrmSession<T>(orgId: string, provider: CrmProvider, deps: IntegrationDeps, work: (session: CrmSession) => Promise<T>): Promise<T> {
  const session = await openCrmSession(orgId, provider, deps);
  try {
    const result = await work(session);
    await applyConnectionEvent(deps, session.connection, 'call_succeeded', null);
    return result;
  } catch (error) {
    await recordFailure(deps, session.connection, error);
    throw error;
  }
}

export async function recordFailure(deps: IntegrationDeps, connection: CrmConnectionRow, error: unknown): Promise<void> {
  if (!isCrmConnectorError(error)) return;
  if (error.kind === 'reauth') await applyConnectionEvent(deps, connection, 'refresh_refused', error.message);
  else if (error.kind === 'api_limit') {
    await markCrmApiLimitReached(deps.db, connection.orgId, connection.provider, usageDay(deps.clock.now()), deps.clock.now());
    await applyConnectionEvent(deps, connection, 'api_limit_hit', error.message);
  } else if (error.kind === 'retry') await applyConnectionEvent(deps, connection, 'call_failed', error.message);
  // 'permanent' failures belong to the request (a source breaking a rule), not to the connection.
}

/** A connector failure as the AppError a route shows: the message is the specification's text. */
export function toAppError(error: unknown): unknown {
  if (!isCrmConnectorError(error)) return error;
  const code = error.kind === 'api_limit' ? 'limit_reached' : error.kind === 'retry' ? 'rate_limited' : error.kind === 'reauth' ? 'provider_error' : 'validation_failed';
  return new AppError(code, error.message, { crmErrorKind: error.kind, crmErrorCode: error.code });
}
