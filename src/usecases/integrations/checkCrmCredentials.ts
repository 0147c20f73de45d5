import { listCrmConnections, type CrmConnectionRow } from '../../adapters/db/repositories/crmConnections';
import { credentialHealth, type CredentialPolicy } from '../../domain/integrations/credentialPolicy';
import { applyConnectionEvent } from './crmSession';
import type { IntegrationDeps } from './integrationDeps';

/**
 * Daily: moves connections whose credential policy predicts expiry to `expiring` / `expired`
 * (system-notifications.txt "Credential expiration"). Returns the connections whose status changed, for notifications.
 */
export async function checkCrmCredentials({ orgId }: { orgId: string }, deps: IntegrationDeps): Promise<Array<{ connection: CrmConnectionRow; status: string }>> {
  const changed: Array<{ connection: CrmConnectionRow; status: string }> = [];
  for (const connection of await listCrmConnections(deps.db, orgId)) {
    const health = credentialHealth(connection.credentialPolicy as CredentialPolicy, connection.credentialsSetAt, deps.clock.now());
    if (health === 'valid') continue;
    const status = await applyConnectionEvent(
      deps,
      connection,
      health === 'expired' ? 'credentials_expired' : 'credentials_expiring',
      health === 'expired' ? 'The CRM credentials have expired under the “Expire every 90 days” policy. Reconnect with the new password.' : null,
    );
    if (status !== connection.status) changed.push({ connection, status });
  }
  return changed;
}
