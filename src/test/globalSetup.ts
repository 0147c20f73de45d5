import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * With TEST_DATABASE_URL set, every test run gets its own fresh database on that server, dropped at the end: a run
 * never sees tables left by an earlier run or an earlier version of a migration. Leftovers of killed runs (older
 * than six hours) are dropped at the start.
 */
const PREFIX = 'openabm_test_';
const STALE_AFTER_MS = 6 * 60 * 60 * 1000;

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  const removeRunDir = makeRunDir();
  const dropDatabase = await createRunDatabase();
  if (!removeRunDir && !dropDatabase) return undefined;
  return async () => {
    try {
      await dropDatabase?.();
    } finally {
      removeRunDir?.();
    }
  };
}

/**
 * A temporary folder for this run only (OPENABM_TEST_RUN_DIR), removed at its end: test files leave there what later
 * files of the same run may reuse (the browser tests' database with the demo companies seeded), never a later run.
 */
function makeRunDir(): (() => void) | undefined {
  // Each Vitest project runs the global setup: the first makes the folder, the others reuse it.
  if (process.env.OPENABM_TEST_RUN_DIR) return undefined;
  const dir = mkdtempSync(path.join(tmpdir(), 'openabm-test-run-'));
  process.env.OPENABM_TEST_RUN_DIR = dir;
  return () => {
    rmSync(dir, { recursive: true, force: true });
    delete process.env.OPENABM_TEST_RUN_DIR;
  };
}

async function createRunDatabase(): Promise<(() => Promise<void>) | undefined> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  // Each Vitest project runs the global setup; the first creates the run's database and the others reuse it (a second
  // database would be dropped through a connection string naming the first, after the first was dropped).
  if (!serverUrl || process.env.OPENABM_TEST_RUN_DATABASE) return undefined;
  const name = `${PREFIX}${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const existing = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${PREFIX}%`]);
    for (const { datname } of existing.rows) {
      const createdAt = Number(datname.slice(PREFIX.length).split('_')[0]);
      if (Number.isFinite(createdAt) && Date.now() - createdAt > STALE_AFTER_MS) {
        await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
    }
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const runUrl = new URL(serverUrl);
  runUrl.pathname = `/${name}`;
  // Test workers start after this and inherit the environment.
  process.env.TEST_DATABASE_URL = runUrl.toString();
  process.env.OPENABM_TEST_RUN_DATABASE = name;
  return async () => {
    const dropper = new pg.Client({ connectionString: serverUrl });
    await dropper.connect();
    try {
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } finally {
      await dropper.end();
      process.env.TEST_DATABASE_URL = serverUrl;
      delete process.env.OPENABM_TEST_RUN_DATABASE;
    }
  };
}
