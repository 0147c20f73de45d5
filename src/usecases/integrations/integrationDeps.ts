import type { Db } from '../../adapters/db/database';
import type { Config } from '../../apps/config';
import type { Clock } from '../../ports/clock';
import type { CrmConnector, CrmProvider } from '../../ports/crmConnector';
import type { JobQueue } from '../../ports/jobQueue';

/**
 * What the integration use cases need. AppDeps satisfies it; tests add `connectors` (e.g. shorter timeouts) and
 * `sleep` (records retry waits instead of sleeping).
 */
export interface IntegrationDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly config: Pick<Config, 'publicUrl' | 'secretKey' | 'isSandbox'>;
  /** Emulator base URLs in sandbox mode ('salesforce' → http://127.0.0.1:port): offered as "Sandbox (emulator)". */
  readonly sandboxUrls: Readonly<Record<string, string>>;
  /** Emulator OAuth client credentials by provider ({ clientId, clientSecret }), used when the connect form leaves them empty. */
  readonly sandboxCredentials?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly jobs?: JobQueue;
  /** Defaults to adapters/connectors/registry.ts. */
  readonly connectors?: Readonly<Record<CrmProvider, CrmConnector>>;
  /** Waits between retries; defaults to a real timer. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Where the provider sends the browser back after login (registered on the connected app). */
export function oauthRedirectUri(config: Pick<Config, 'publicUrl'>): string {
  return `${config.publicUrl.replace(/\/+$/, '')}/api/integrations/crm/oauth/callback`;
}
