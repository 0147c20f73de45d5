import { createSecretBox, type SecretBox } from '../../adapters/crypto/secretBox';
import type { CrmConnector, CrmProvider } from '../../ports/crmConnector';
import type { IntegrationDeps } from './integrationDeps';

export function connectorFor(provider: CrmProvider, deps: IntegrationDeps): CrmConnector {
  return deps.connectors[provider];
}

export function secretBoxFor(deps: IntegrationDeps): SecretBox {
  if (!deps.config.secretKey) throw new Error('No secret key configured: OAuth tokens cannot be encrypted (set OPENABM_SECRET_KEY).');
  return createSecretBox(deps.config.secretKey);
}

export function sleeperFor(deps: IntegrationDeps): (ms: number) => Promise<void> {
  return deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
}
