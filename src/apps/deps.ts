import type { Logger } from 'pino';
import type { Database, Db } from '../adapters/db/database';
import type { Clock } from '../ports/clock';
import type { JobQueue } from '../ports/jobQueue';
import type { Mailer } from '../ports/mailer';
import type { Config } from './config';

/**
 * What the server, the worker and the CLI hand to use cases. Built once in apps/runtime.ts (or by a test), never
 * read from globals.
 */
export interface AppDeps {
  readonly config: Config;
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
}
