import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Database } from './database';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
// Any constant works: it only keeps two processes starting on one server from migrating at once.
const MIGRATION_LOCK_ID = 720_415_001;

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

interface ScriptRunner {
  exec(sqlText: string): Promise<void>;
  names(): Promise<string[]>;
}

/** Numbered SQL files, applied in name order, each in its own transaction, recorded in openabm_migrations. */
export function listMigrationFiles(): string[] {
  return readdirSync(migrationsDir)
    .filter((name) => /^\d{4}_[a-z0-9_]+\.sql$/.test(name))
    .sort();
}

export async function applyMigrations(database: Database): Promise<MigrationResult> {
  if (database.kind === 'pglite' || !database.connectionString) {
    return applyWith({
      exec: (sqlText) => database.execScript(sqlText),
      names: async () => (await database.query<{ name: string }>('SELECT name FROM openabm_migrations')).map((r) => r.name),
    });
  }
  // A session advisory lock needs one connection for the whole run, so the server path uses its own client.
  const client = new pg.Client({ connectionString: database.connectionString });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    return await applyWith({
      exec: async (sqlText) => {
        await client.query(sqlText);
      },
      names: async () => (await client.query<{ name: string }>('SELECT name FROM openabm_migrations')).rows.map((r) => r.name),
    });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await client.end();
  }
}

async function applyWith(runner: ScriptRunner): Promise<MigrationResult> {
  await runner.exec('CREATE TABLE IF NOT EXISTS openabm_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
  const done = new Set(await runner.names());
  const applied: string[] = [];
  for (const name of listMigrationFiles()) {
    if (done.has(name)) continue;
    const body = readFileSync(path.join(migrationsDir, name), 'utf8');
    // One transaction per migration so a failure leaves nothing half-applied.
    try {
      await runner.exec(`BEGIN;\n${body}\n;\nINSERT INTO openabm_migrations (name) VALUES ('${name}');\nCOMMIT;`);
    } catch (error) {
      await runner.exec('ROLLBACK').catch(() => undefined);
      throw new Error(`Migration ${name} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    applied.push(name);
  }
  return { applied, alreadyApplied: done.size };
}
