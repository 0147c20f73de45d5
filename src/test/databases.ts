import { openDatabase, type Database } from '../adapters/db/database';

/**
 * The databases a database test runs on: PGlite always, and PostgreSQL too when TEST_DATABASE_URL is set.
 * Use with describe.each(testDatabaseKinds()).
 */
export type TestDatabaseKind = 'pglite' | 'postgres';

export function testDatabaseKinds(): TestDatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export function testDatabaseUrl(kind: TestDatabaseKind): string | undefined {
  return kind === 'postgres' ? process.env.TEST_DATABASE_URL : undefined;
}

/** In-memory PGlite, or the shared test PostgreSQL; migrations applied. Tests isolate by organisation. */
export function openTestDatabase(kind: TestDatabaseKind): Promise<Database> {
  return openDatabase({ databaseUrl: testDatabaseUrl(kind) });
}
