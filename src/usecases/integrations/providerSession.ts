import { findCrmApiUsage, markCrmApiLimitReached, recordCrmProviderUsage, reserveCrmApiCall } from '../../adapters/db/repositories/crmConnections';
import { decideCall, usageDay } from '../../domain/budget/apiAllowance';
import { isConnectionStatus, nextConnectionStatus, type ConnectionEvent } from '../../domain/integrations/connectionState';
import { CrmConnectorError, isCrmConnectorError } from '../../domain/integrations/crmErrors';
import type { CrmCallContext, CrmProviderUsage } from '../../ports/crmConnector';
import type { IntegrationDeps } from './integrationDeps';

/**
 * What a CRM session (crmSession.ts) and a MAP session (mapSession.ts) share: the status model's moves, the daily API
 * budget per provider (openabm's allowance and the provider's own usage), and keeping the status true after work.
 * Each session keeps only its specifics: which table holds the connection, how tokens refresh, its messages.
 */
type SessionDeps = Pick<IntegrationDeps, 'db' | 'clock'>;

export interface StatusPatch {
  readonly status: string;
  readonly statusReason: string | null;
  readonly statusChangedAt?: Date;
  readonly updatedAt: Date;
}

/** Moves a connection's status by an event through `save`; does nothing when the event is not allowed from its state. */
export async function applyStatusEvent(
  deps: SessionDeps,
  connection: { readonly status: string },
  event: ConnectionEvent,
  reason: string | null,
  save: (patch: StatusPatch) => Promise<unknown>,
): Promise<string> {
  if (!isConnectionStatus(connection.status)) return connection.status;
  const next = nextConnectionStatus(connection.status, event);
  if (!next) return connection.status;
  if (next === connection.status && event === 'call_succeeded') return next;
  const now = deps.clock.now();
  await save({
    status: next,
    statusReason: next === 'connected' || next === 'expiring' ? null : reason,
    ...(next === connection.status ? {} : { statusChangedAt: now }),
    updatedAt: now,
  });
  return next;
}

export interface ProviderBudget {
  /** Counts one call against the day's allowance; throws CrmConnectorError 'api_limit' (with `limitMessage`) when spent. */
  reserve(): Promise<void>;
  /** Remembers the provider's own usage figures (Sforce-Limit-Info, HubSpot daily headers…). */
  afterCall: CrmCallContext['afterCall'];
  /** Calls counted through this budget. */
  callCount(): number;
}

/** The org's API budget for one provider and the current UTC day. */
export async function openProviderBudget(
  deps: SessionDeps,
  input: { readonly orgId: string; readonly provider: string; readonly dailyAllowance: number; readonly limitMessage: string },
): Promise<ProviderBudget> {
  const { orgId, provider, dailyAllowance } = input;
  const today = () => usageDay(deps.clock.now());
  const usageRow = await findCrmApiUsage(deps.db, orgId, provider, today());
  let providerUsage: CrmProviderUsage | undefined =
    usageRow?.providerUsed != null && usageRow.providerMax != null ? { used: usageRow.providerUsed, max: usageRow.providerMax } : undefined;
  let calls = 0;
  const refuse = async (code: string): Promise<never> => {
    await markCrmApiLimitReached(deps.db, orgId, provider, today(), deps.clock.now());
    throw new CrmConnectorError('api_limit', code, input.limitMessage);
  };
  return {
    async reserve() {
      const decision = decideCall({ dailyAllowance, callsToday: 0, providerUsage });
      if (!decision.isAllowed) await refuse(decision.reason);
      const count = await reserveCrmApiCall(deps.db, orgId, provider, today(), dailyAllowance, deps.clock.now());
      if (count === undefined) await refuse('allowance_spent');
      calls += 1;
    },
    async afterCall(outcome) {
      if (!outcome.providerUsage) return;
      providerUsage = outcome.providerUsage;
      await recordCrmProviderUsage(deps.db, orgId, provider, today(), outcome.providerUsage, deps.clock.now());
    },
    callCount: () => calls,
  };
}

type ApplyEvent = (event: ConnectionEvent, reason: string | null) => Promise<unknown>;

/**
 * Keeps the status true to a failure: a refused refresh → reauth_required, a spent limit → api_limit_reached, a
 * transient failure → error. 'permanent' failures belong to the request (a source breaking a rule), not to the connection.
 */
export async function recordSessionFailure(deps: SessionDeps, connection: { readonly orgId: string; readonly provider: string }, error: unknown, apply: ApplyEvent): Promise<void> {
  if (!isCrmConnectorError(error)) return;
  if (error.kind === 'reauth') await apply('refresh_refused', error.message);
  else if (error.kind === 'api_limit') {
    await markCrmApiLimitReached(deps.db, connection.orgId, connection.provider, usageDay(deps.clock.now()), deps.clock.now());
    await apply('api_limit_hit', error.message);
  } else if (error.kind === 'retry') await apply('call_failed', error.message);
}

/** Runs work in an open session: success after an error → connected; a failure is recorded on the connection, then rethrown. */
export async function runInSession<T>(work: () => Promise<T>, apply: ApplyEvent, recordFailure: (error: unknown) => Promise<void>): Promise<T> {
  try {
    const result = await work();
    await apply('call_succeeded', null);
    return result;
  } catch (error) {
    await recordFailure(error);
    throw error;
  }
}
