import { findCrmConnection } from '../../adapters/db/repositories/crmConnections';
import { AppError } from '../../domain/appError';
import type { Actor } from '../../domain/permissions/policy';
import type { CrmProvider } from '../../ports/crmConnector';
import { assertCan } from './assertCan';
import { connectorFor } from './connectorFor';
import type { IntegrationDeps } from './integrationDeps';

/** The job that runs the CRM data sync (apps/worker/jobs/crm/runDataSync.ts). */
export const CRM_SYNC_JOB = 'crm.sync.run';

export function crmSyncSingletonKey(orgId: string, provider: CrmProvider): string {
  return `crm-sync:${orgId}:${provider}`;
}

/** "Sync now": queues the data sync; a sync already queued for this org and provider is not queued twice. */
export async function requestCrmSync({ orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { provider: CrmProvider } }, deps: IntegrationDeps) {
  assertCan(actor, 'integrations.manage', orgId);
  const connection = await findCrmConnection(deps.db, orgId, input.provider);
  if (!connection) throw new AppError('not_found', `${connectorFor(input.provider, deps).displayName} is not connected.`);
  if (!deps.jobs) throw new Error('requestCrmSync needs a job queue');
  const jobId = await deps.jobs.enqueue(CRM_SYNC_JOB, { orgId, provider: input.provider }, { singletonKey: crmSyncSingletonKey(orgId, input.provider) });
  return { isQueued: jobId !== null };
}
