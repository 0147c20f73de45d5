import { findCrmApiUsage, type CrmConnectionRow } from '../../adapters/db/repositories/crmConnections';
import { countCrmRecords, findLatestSyncRun } from '../../adapters/db/repositories/crmRecords';
import type { CrmConnectionSummary } from '../../contracts/integrations';
import { nextAllowanceResetAt, usageDay } from '../../domain/budget/apiAllowance';
import { CONNECTION_STATUS_LABELS, isConnectionStatus } from '../../domain/integrations/connectionState';
import { predictCredentialExpiry, type CredentialPolicy } from '../../domain/integrations/credentialPolicy';
import type { CrmProvider } from '../../ports/crmConnector';
import { connectorFor } from './connectorFor';
import type { IntegrationDeps } from './integrationDeps';

/** A connection as the integrations page shows it: status, predicted expiry, today's API counters, sync state. */
export async function toConnectionSummary(row: CrmConnectionRow, deps: IntegrationDeps): Promise<CrmConnectionSummary> {
  const now = deps.clock.now();
  const provider = row.provider as CrmProvider;
  if (!isConnectionStatus(row.status)) throw new Error(`connection ${row.id} has an unknown status`);
  const usage = await findCrmApiUsage(deps.db, row.orgId, provider, usageDay(now));
  const run = await findLatestSyncRun(deps.db, row.orgId, provider);
  const policy = row.credentialPolicy as CredentialPolicy;
  return {
    id: row.id,
    provider,
    displayName: connectorFor(provider, deps).displayName,
    status: row.status,
    statusLabel: CONNECTION_STATUS_LABELS[row.status],
    statusReason: row.statusReason,
    statusChangedAt: row.statusChangedAt.toISOString(),
    environment: row.environment as CrmConnectionSummary['environment'],
    loginUrl: row.loginUrl,
    instanceUrl: row.instanceUrl,
    externalOrgId: row.externalOrgId,
    externalUserId: row.externalUserId,
    credentialPolicy: policy,
    credentialsSetAt: row.credentialsSetAt.toISOString(),
    credentialsExpireAt: predictCredentialExpiry(policy, row.credentialsSetAt)?.toISOString() ?? null,
    dailyApiAllowance: row.dailyApiAllowance,
    apiCallsToday: usage?.callCount ?? 0,
    apiCallsRefusedToday: usage?.refusedCount ?? 0,
    providerApiUsage: usage?.providerUsed != null && usage.providerMax != null ? { used: usage.providerUsed, max: usage.providerMax } : null,
    allowanceResetsAt: nextAllowanceResetAt(now).toISOString(),
    isApiLimitReachedToday: usage?.limitReachedAt != null,
    firstFullSyncAt: row.firstFullSyncAt?.toISOString() ?? null,
    lastSyncAt: row.lastSyncAt?.toISOString() ?? null,
    lastSyncRun: run
      ? {
          status: run.status as NonNullable<CrmConnectionSummary['lastSyncRun']>['status'],
          isFull: run.isFull,
          recordsSynced: run.recordsSynced,
          apiCalls: run.apiCalls,
          errorMessage: run.errorMessage,
          startedAt: run.startedAt.toISOString(),
          finishedAt: run.finishedAt?.toISOString() ?? null,
        }
      : null,
    recordCounts: await countCrmRecords(deps.db, row.orgId, provider),
    connectedAt: row.createdAt.toISOString(),
  };
}
