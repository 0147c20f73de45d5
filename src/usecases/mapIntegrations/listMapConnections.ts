import { listMapConnections as listRows } from '../../adapters/db/repositories/mapConnections';
import type { MapConnectionSummary } from '../../contracts/mapIntegrations';
import { credentialHealth, type CredentialPolicy } from '../../domain/integrations/credentialPolicy';
import { CONNECT_FORMS } from '../../domain/mapIntegrations/connectForms';
import { DEFAULT_MAP_DAILY_ALLOWANCE } from '../../domain/mapIntegrations/messages';
import type { Actor } from '../../domain/permissions/policy';
import { MAP_PROVIDERS } from '../../ports/mapConnector';
import { assertCan } from '../integrations/assertCan';
import { applyMapConnectionEvent, mapConnectorFor, type MapIntegrationDeps } from '../integrations/mapSession';
import { toMapConnectionSummary } from './toMapConnectionSummary';

const ENVIRONMENT_LABELS = { production: 'Production', sandbox: 'Sandbox', emulator: 'Sandbox (emulator)' } as const;

/**
 * The org's MAP connections and the providers the dialog offers. A Basic-auth password under the "Expire every 90
 * days" policy moves the connection to expiring / expired here, as the CRM credential check does.
 */
export async function listMapConnections({ orgId, actor }: { orgId: string; actor: Actor; input?: undefined }, deps: MapIntegrationDeps) {
  assertCan(actor, 'view', orgId);
  const items: MapConnectionSummary[] = [];
  for (const row of await listRows(deps.db, orgId)) {
    const health = credentialHealth(row.credentialPolicy as CredentialPolicy, row.credentialsSetAt, deps.clock.now());
    let status = row.status;
    if (health !== 'valid') {
      const reason = health === 'expired' ? 'The password has expired (90-day policy). Reconnect with the new password.' : 'The password expires soon (90-day policy).';
      status = await applyMapConnectionEvent(deps, row, health === 'expired' ? 'credentials_expired' : 'credentials_expiring', reason);
    }
    items.push(await toMapConnectionSummary({ ...row, status, ...(status === row.status ? {} : { statusChangedAt: deps.clock.now() }) }, deps));
  }
  const providers = MAP_PROVIDERS.map((provider) => {
    const connector = mapConnectorFor(provider, deps);
    const form = CONNECT_FORMS[provider];
    const fields = [...new Set(form.authKinds.flatMap((kind) => form.fields[kind] ?? []))];
    return {
      provider,
      displayName: connector.displayName,
      authKinds: [...form.authKinds],
      environments: [
        ...(deps.sandboxUrls[provider] ? [{ environment: 'emulator' as const, label: ENVIRONMENT_LABELS.emulator }] : []),
        ...form.environments.map((environment) => ({ environment, label: ENVIRONMENT_LABELS[environment] })),
      ],
      fields,
      objects: connector.objects.map((object) => ({ ...object })),
      batchUpdateMax: connector.limits.batchUpdateMax,
      defaultDailyApiAllowance: DEFAULT_MAP_DAILY_ALLOWANCE[provider],
    };
  });
  return { items, providers };
}
