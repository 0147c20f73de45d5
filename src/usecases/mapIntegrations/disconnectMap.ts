import { deleteMapConnection } from '../../adapters/db/repositories/mapConnections';
import { AppError } from '../../domain/appError';
import { MAP_DISPLAY_NAMES } from '../../domain/mapIntegrations/messages';
import type { Actor } from '../../domain/permissions/policy';
import type { MapProviderId } from '../../ports/mapConnector';
import { assertCan } from '../integrations/assertCan';
import type { MapIntegrationDeps } from '../integrations/mapSession';

/** Deletes the connection and its sealed credentials (the API usage history stays for the counters). */
export async function disconnectMap({ orgId, actor, input }: { orgId: string; actor: Actor; input: { provider: MapProviderId } }, deps: MapIntegrationDeps) {
  assertCan(actor, 'integrations.manage', orgId);
  const deleted = await deleteMapConnection(deps.db, orgId, input.provider);
  if (!deleted) throw new AppError('not_found', `${MAP_DISPLAY_NAMES[input.provider]} is not connected.`);
  return { isDisconnected: true };
}
