import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema/index';
import { applyMigrations } from './migrate';

export type Schema = typeof schema;
/** Drizzle over either driver; repositories are written against this one type. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  /** Runs SQL text that may hold several statements (migrations, test fixtures). */
  execScript(sqlText: string): Promise<void>;
  /** Runs one parameterised statement and returns its rows. */
  query<Row = Record<string, unknown>>(sqlText: string, params?: unknown[]): Promise<Row[]>;
  /** The embedded instance, when kind is 'pglite' (pg-boss needs it). */
  readonly pglite: PGlite | undefined;
  readonly connectionString: string | undefined;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres://… to use a server; otherwise PGlite. */
  databaseUrl?: string | undefined;
  /** Folder for PGlite's files; undefined means in memory (tests). */
  dataDir?: string | undefined;
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
  /** PGlite only: start from this dump (PGlite's dumpDataDir) instead of an empty database (tests' migrated template). */
  loadDataDir?: Blob | undefined;
  /**
   * PostgreSQL only: told when a pooled connection breaks while idle (the server restarted, the network dropped). The
   * pool has already dropped that connection and opens a new one for the next query. Default: a line on stderr.
   */
  onIdleConnectionError?: ((error: Error) => void) | undefined;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const database = options.databaseUrl ? openPostgres(options.databaseUrl, options.onIdleConnectionError ?? reportIdleConnectionError) : await openPglite(options.dataDir, options.loadDataDir);
  if (options.migrate !== false) await applyMigrations(database);
  return database;
}

async function openPglite(dataDir: string | undefined, loadDataDir: Blob | undefined): Promise<Database> {
  // PGlite.create(dir) does not create parent folders.
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir ? `${dataDir}/pgdata` : undefined, loadDataDir ? { loadDataDir } : undefined);
  // PGlite runs in this thread: a statement that needs a new 16 MB WAL segment wrote 16 MB of zeroes first, holding
  // the event loop 40-70 ms every ~30,000 inserted rows (web visits). Without the zero fill PostgreSQL extends the
  // file as it writes; durability is unchanged (commits still sync what they wrote).
  await pglite.exec('SET wal_init_zero = off');
  const db = drizzlePglite(pglite, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    pglite,
    connectionString: undefined,
    async execScript(sqlText) {
      await pglite.exec(sqlText);
    },
    async query<Row>(sqlText: string, params: unknown[] = []) {
      const result = await pglite.query<Row>(sqlText, params);
      return result.rows;
    },
    async close() {
      if (!pglite.closed) await pglite.close();
    },
  };
}

function reportIdleConnectionError(error: Error): void {
  process.stderr.write(`openabm: an idle PostgreSQL connection broke (${error.message}); a new one is opened for the next query.\n`);
}

function openPostgres(connectionString: string, onIdleConnectionError: (error: Error) => void): Database {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // pg-pool emits 'error' for a connection that breaks while idle in the pool; with no listener that ends the process
  // (and with it the web tag's queued visits). The pool has dropped the connection already: report it, go on.
  pool.on('error', onIdleConnectionError);
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  let isClosed = false;
  return {
    kind: 'postgres',
    db,
    pglite: undefined,
    connectionString,
    async execScript(sqlText) {
      await pool.query(sqlText);
    },
    async query<Row>(sqlText: string, params: unknown[] = []) {
      const result = await pool.query(sqlText, params);
      return result.rows as Row[];
    },
    async close() {
      if (isClosed) return;
      isClosed = true;
      await pool.end();
    },
  };
}
