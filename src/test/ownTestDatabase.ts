import { afterAll, beforeAll } from 'vitest';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../adapters/db/database';
import { openTestDatabase, testDatabaseUrl, type TestDatabaseKind } from './databases';

/**
 * A database of the test file's own, migrations applied: a new in-memory PGlite, or on the test PostgreSQL server a
 * database created for it and dropped when it is closed. For tests that empty or read the whole master company
 * database, which every organisation shares: on the run's shared PostgreSQL database they would meet each other's rows.
 * The name starts as globalSetup's run databases do, so that one left by a killed run is dropped with theirs.
 */
export async function openOwnTestDatabase(kind: TestDatabaseKind): Promise<Database> {
  if (kind === 'pglite') return openTestDatabase('pglite');
  const serverUrl = testDatabaseUrl(kind);
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `openabm_test_${Date.now()}_${process.pid}_own_${randomBytes(4).toString('hex')}`;
  await onServer(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  const close = database.close.bind(database);
  return Object.assign(database, {
    async close() {
      await close();
      await onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  });
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** For a describe block: a database of its own (openOwnTestDatabase) opened before its tests and closed after them. */
export function useOwnTestDatabase(kind: TestDatabaseKind): { readonly database: Database } {
  let opened: Database | undefined;
  beforeAll(async () => {
    opened = await openOwnTestDatabase(kind);
  });
  afterAll(async () => {
    await opened?.close();
  });
  return {
    get database() {
      if (!opened) throw new Error('The test database is read before its beforeAll hook ran.');
      return opened;
    },
  };
}
