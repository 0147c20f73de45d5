import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * The DuckDB peer needs @duckdb/node-api, which is not a project dependency: the npm registry this project installs
 * from serves its native bindings for linux-x64 only, and a lock file without the other platforms' entries fails
 * `npm ci`. The bench installs it on first use (no change to package.json or the lock file).
 */
interface DuckDbModule {
  DuckDBInstance: {
    create(path: string): Promise<{
      connect(): Promise<{
        run(sql: string): Promise<unknown>;
        runAndReadAll(sql: string): Promise<{ getRowObjects(): Array<Record<string, unknown>> }>;
        closeSync(): void;
      }>;
      closeSync(): void;
    }>;
  };
}

const MODULE_NAME = '@duckdb/node-api';

export async function loadDuckDb(): Promise<DuckDbModule> {
  try {
    return (await import(MODULE_NAME)) as DuckDbModule;
  } catch {
    process.stderr.write(`Installing ${MODULE_NAME} for the DuckDB peer (npm install --no-save)…\n`);
    const root = path.resolve(import.meta.dirname, '../..');
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', `${MODULE_NAME}@1.5.6-r.1`], { cwd: root, stdio: 'inherit' });
    return (await import(MODULE_NAME)) as DuckDbModule;
  }
}
