import type { Db } from '../../adapters/db/database';
import type { Clock } from '../../ports/clock';
import type { JobQueue } from '../../ports/jobQueue';
import type { CrmConnectors, UseCaseConfig } from '../deps';

/**
 * What the integration use cases need. AppDeps satisfies it; tests hand in their own `connectors` and
 * `sleep` (records retry waits instead of sleeping).
 */
export interface IntegrationDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly config: Pick<UseCaseConfig, 'publicUrl' | 'secretKey' | 'isSandbox' | 'crmAllowedHosts'>;
  /** Emulator base URLs in sandbox mode ('salesforce' → http://127.0.0.1:port): offered as "Sandbox (emulator)". */
  readonly sandboxUrls: Readonly<Record<string, string>>;
  /** Emulator OAuth client credentials by provider ({ clientId, clientSecret }), used when the connect form leaves them empty. */
  readonly sandboxCredentials?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly jobs?: JobQueue;
  /** The apps wire adapters/connectors/registry.ts; tests hand in their own (e.g. shorter timeouts). */
  readonly connectors: CrmConnectors;
  /** Waits between retries; defaults to a real timer. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Where the provider sends the browser back after login (registered on the connected app). */
export function oauthRedirectUri(config: Pick<UseCaseConfig, 'publicUrl'>): string {
  return `${config.publicUrl.replace(/\/+$/, '')}/api/integrations/crm/oauth/callback`;
}
