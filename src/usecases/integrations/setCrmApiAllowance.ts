import { findCrmConnection, updateCrmConnection } from '../../adapters/db/repositories/crmConnections';
import { AppError } from '../../domain/appError';
import { MAX_DAILY_API_ALLOWANCE } from '../../domain/budget/apiAllowance';
import type { Actor } from '../../domain/permissions/policy';
import type { CrmProvider } from '../../ports/crmConnector';
import { assertCan } from './assertCan';
import { connectorFor } from './connectorFor';
import type { IntegrationDeps } from './integrationDeps';
import { toConnectionSummary } from './toConnectionSummary';

export async function setCrmApiAllowance(
  { orgId, actor, input }: { orgId: string; actor: Actor; input: { provider: CrmProvider; dailyApiAllowance: number } },
  deps: IntegrationDeps,
) {
  assertCan(actor, 'integrations.manage', orgId);
  if (!Number.isInteger(input.dailyApiAllowance) || input.dailyApiAllowance < 0 || input.dailyApiAllowance > MAX_DAILY_API_ALLOWANCE) {
    throw new AppError('validation_failed', `The daily API allowance must be a whole number from 0 to ${MAX_DAILY_API_ALLOWANCE.toLocaleString('en-US')}.`);
  }
  const connection = await findCrmConnection(deps.db, orgId, input.provider);
  if (!connection) throw new AppError('not_found', `${connectorFor(input.provider, deps).displayName} is not connected.`);
  const updated = await updateCrmConnection(deps.db, orgId, connection.id, { dailyApiAllowance: input.dailyApiAllowance, updatedAt: deps.clock.now() });
  if (!updated) throw new AppError('not_found', 'The connection was removed meanwhile.');
  return { connection: await toConnectionSummary(updated, deps) };
}
