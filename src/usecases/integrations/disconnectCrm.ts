import { deleteCrmConnection, findCrmConnection } from '../../adapters/db/repositories/crmConnections';
import { deleteCrmRecords, deleteSyncState } from '../../adapters/db/repositories/crmRecords';
import { AppError } from '../../domain/appError';
import type { Actor } from '../../domain/permissions/policy';
import type { CrmProvider } from '../../ports/crmConnector';
import { assertCan } from './assertCan';
import { connectorFor } from './connectorFor';
import type { IntegrationDeps } from './integrationDeps';
import { oauthSettingsOf } from './crmSession';
import { secretBoxFor } from './connectorFor';

/** Revokes the refresh token (best effort) and deletes the connection, its cursors and the synced records. */
export async function disconnectCrm({ orgId, actor, input }: { orgId: string; actor: Actor; input: { provider: CrmProvider } }, deps: IntegrationDeps) {
  assertCan(actor, 'integrations.manage', orgId);
  const connection = await findCrmConnection(deps.db, orgId, input.provider);
  const connector = connectorFor(input.provider, deps);
  if (!connection) throw new AppError('not_found', `${connector.displayName} is not connected.`);
  if (connector.revokeToken) {
    try {
      await connector.revokeToken(oauthSettingsOf(connection, deps), secretBoxFor(deps).open(connection.refreshTokenSealed));
    } catch {
      // Revocation is a courtesy; the tokens are deleted below either way.
    }
  }
  await deps.db.transaction(async (tx) => {
    const db = tx as unknown as typeof deps.db;
    await deleteCrmRecords(db, orgId, input.provider);
    await deleteSyncState(db, orgId, input.provider);
    await deleteCrmConnection(db, orgId, input.provider);
  });
  return { isDisconnected: true };
}
