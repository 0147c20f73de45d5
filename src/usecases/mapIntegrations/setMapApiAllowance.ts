import { findMapConnection, updateMapConnection } from '../../adapters/db/repositories/mapConnections';
import { AppError } from '../../domain/appError';
import { MAP_DISPLAY_NAMES } from '../../domain/mapIntegrations/messages';
import type { Actor } from '../../domain/permissions/policy';
import type { MapProviderId } from '../../ports/mapConnector';
import { assertCan } from '../integrations/assertCan';
import type { MapIntegrationDeps } from '../integrations/mapSession';
import { toMapConnectionSummary } from './toMapConnectionSummary';

export async function setMapApiAllowance(
  { orgId, actor, input }: { orgId: string; actor: Actor; input: { provider: MapProviderId; dailyApiAllowance: number } },
  deps: MapIntegrationDeps,
) {
  assertCan(actor, 'integrations.manage', orgId);
  const connection = await findMapConnection(deps.db, orgId, input.provider);
  if (!connection) throw new AppError('not_found', `${MAP_DISPLAY_NAMES[input.provider]} is not connected.`);
  const updated = await updateMapConnection(deps.db, orgId, connection.id, { dailyApiAllowance: input.dailyApiAllowance, updatedAt: deps.clock.now() });
  if (!updated) throw new AppError('not_found', `${MAP_DISPLAY_NAMES[input.provider]} is not connected.`);
  return { connection: await toMapConnectionSummary(updated, deps) };
}
