import { listCrmConnections as listRows } from '../../adapters/db/repositories/crmConnections';
import type { CrmConnectionSummary } from '../../contracts/integrations';
import type { Actor } from '../../domain/permissions/policy';
import { CRM_PROVIDERS, type CrmLoginEnvironment } from '../../ports/crmConnector';
import { assertCan } from './assertCan';
import { connectorFor } from './connectorFor';
import type { IntegrationDeps } from './integrationDeps';
import { toConnectionSummary } from './toConnectionSummary';

const LOGIN_LABELS: Readonly<Record<CrmLoginEnvironment, string>> = {
  production: 'Production',
  sandbox: 'Sandbox',
  custom: 'Custom domain',
  emulator: 'Sandbox (emulator)',
};

export async function listCrmConnections({ orgId, actor }: { orgId: string; actor: Actor; input?: undefined }, deps: IntegrationDeps) {
  assertCan(actor, 'view', orgId);
  const items: CrmConnectionSummary[] = [];
  for (const row of await listRows(deps.db, orgId)) items.push(await toConnectionSummary(row, deps));
  const providers = CRM_PROVIDERS.map((provider) => {
    const connector = connectorFor(provider, deps);
    const fixed = (['production', 'sandbox'] as const)
      .filter((environment) => connector.loginUrls[environment])
      .map((environment) => ({ environment, label: LOGIN_LABELS[environment], loginUrl: connector.loginUrls[environment] ?? null, hasBuiltInClient: false }));
    const emulatorUrl = deps.sandboxUrls[provider];
    return {
      provider,
      displayName: connector.displayName,
      loginOptions: [
        ...(emulatorUrl ? [{ environment: 'emulator' as const, label: LOGIN_LABELS.emulator, loginUrl: emulatorUrl, hasBuiltInClient: Boolean(deps.sandboxCredentials?.[provider]) }] : []),
        ...fixed,
        { environment: 'custom' as const, label: LOGIN_LABELS.custom, loginUrl: null, hasBuiltInClient: false },
      ],
      needsResourceUrl: provider === 'dynamics',
      hasReports: connector.capabilities.hasReports,
      hasListViews: connector.capabilities.hasListViews,
    };
  });
  return { items, providers };
}
