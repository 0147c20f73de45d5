import { findCrmApiUsage } from '../../adapters/db/repositories/crmConnections';
import type { MapConnectionRow } from '../../adapters/db/repositories/mapConnections';
import type { MapConnectionSummary } from '../../contracts/mapIntegrations';
import { nextAllowanceResetAt, usageDay } from '../../domain/budget/apiAllowance';
import { CONNECTION_STATUS_LABELS, isConnectionStatus } from '../../domain/integrations/connectionState';
import { predictCredentialExpiry, type CredentialPolicy } from '../../domain/integrations/credentialPolicy';
import { MAP_DISPLAY_NAMES } from '../../domain/mapIntegrations/messages';
import type { MapProviderId } from '../../ports/mapConnector';
import type { MapIntegrationDeps } from '../integrations/mapSession';

/** A MAP connection as the integrations page shows it: status, predicted password expiry, today's API counters. */
export async function toMapConnectionSummary(row: MapConnectionRow, deps: MapIntegrationDeps): Promise<MapConnectionSummary> {
  if (!isConnectionStatus(row.status)) throw new Error(`connection ${row.id} has an unknown status`);
  const now = deps.clock.now();
  const usage = await findCrmApiUsage(deps.db, row.orgId, row.provider, usageDay(now));
  const policy = row.credentialPolicy as CredentialPolicy;
  return {
    id: row.id,
    provider: row.provider as MapProviderId,
    displayName: MAP_DISPLAY_NAMES[row.provider as MapProviderId],
    authKind: row.authKind as MapConnectionSummary['authKind'],
    status: row.status,
    statusLabel: CONNECTION_STATUS_LABELS[row.status],
    statusReason: row.statusReason,
    statusChangedAt: row.statusChangedAt.toISOString(),
    environment: row.environment as MapConnectionSummary['environment'],
    instanceUrl: row.instanceUrl,
    externalOrgId: row.externalOrgId,
    credentialPolicy: policy,
    credentialsSetAt: row.credentialsSetAt.toISOString(),
    credentialsExpireAt: predictCredentialExpiry(policy, row.credentialsSetAt)?.toISOString() ?? null,
    dailyApiAllowance: row.dailyApiAllowance,
    apiCallsToday: usage?.callCount ?? 0,
    apiCallsRefusedToday: usage?.refusedCount ?? 0,
    providerApiUsage: usage?.providerUsed != null && usage.providerMax != null ? { used: usage.providerUsed, max: usage.providerMax } : null,
    allowanceResetsAt: nextAllowanceResetAt(now).toISOString(),
    isApiLimitReachedToday: usage?.limitReachedAt != null,
    connectedAt: row.createdAt.toISOString(),
  };
}
