import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database';
import { testDatabaseUrl } from '../../test/databases';

const url = testDatabaseUrl('postgres');

// PostgreSQL only (PGlite has no pool and no connection to break): runs whenever TEST_DATABASE_URL is set, as .ci/run
// sets it when PostgreSQL answers on 127.0.0.1:5432; the same rule as the other PostgreSQL-only files.
describe.skipIf(!url)('openDatabase on PostgreSQL (PostgreSQL only: runs when TEST_DATABASE_URL is set)', () => {
  let database: Database | undefined;
  let admin: Database | undefined;
  afterEach(async () => {
    await database?.close();
    await admin?.close();
  });

  it('survives a pooled connection that breaks while idle, reports it, and answers the next query', async () => {
    const reported: Error[] = [];
    database = await openDatabase({ databaseUrl: url, migrate: false, onIdleConnectionError: (error) => reported.push(error) });
    const [backend] = await database.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    admin = await openDatabase({ databaseUrl: url, migrate: false });
    await admin.query('SELECT pg_terminate_backend($1)', [backend?.pid]);
    for (let waited = 0; reported.length === 0 && waited < 5_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reported).toHaveLength(1);
    expect(reported[0]?.message).toMatch(/terminat/i);
    expect(await database.query('SELECT 1 AS answer')).toEqual([{ answer: 1 }]);
  });
});
