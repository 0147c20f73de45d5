import type { Logger } from 'pino';
import type { Database, Db } from '../adapters/db/database';
import type { Clock } from '../ports/clock';
import type { CrmConnector, CrmProvider } from '../ports/crmConnector';
import type { JobQueue } from '../ports/jobQueue';
import type { Mailer } from '../ports/mailer';

/**
 * The settings use cases read. apps/config.ts's Config is a superset, so the apps hand theirs in unchanged; a
 * use case that needs another setting adds it here (use cases never import apps/).
 */
export interface UseCaseConfig {
  /** Where the browser reaches openabm (OAuth redirect URIs, links in mails). */
  readonly publicUrl: string;
  /** 32-byte key that seals secrets at rest; undefined only in sandbox mode. */
  readonly secretKey: string | undefined;
  readonly isSandbox: boolean;
  /** Hosts (or parent domains) a CRM login or organisation URL may use besides the provider's own domains. */
  readonly crmAllowedHosts: readonly string[];
}

/** Every CRM connector by provider; wired from adapters/connectors/registry.ts by the apps, replaced by tests. */
export type CrmConnectors = Readonly<Record<CrmProvider, CrmConnector>>;

/**
 * What the server, the worker and the CLI hand to use cases (apps/deps.ts's AppDeps extends it). Use cases take
 * `Pick<UseCaseDeps, …>` of what they use.
 */
export interface UseCaseDeps {
  readonly config: UseCaseConfig;
  readonly database: Database;
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly jobs: JobQueue;
  readonly mailer: Mailer;
  /** Base URLs of the provider emulators started in sandbox mode, by provider id ('salesforce', …). */
  readonly sandboxUrls: Readonly<Record<string, string>>;
  /** OAuth client credentials of those emulators ({ clientId, clientSecret, … }), by provider id. */
  readonly sandboxCredentials: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly connectors: CrmConnectors;
}
