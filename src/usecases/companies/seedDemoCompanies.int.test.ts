import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../adapters/db/database';
import { countCompanies } from '../../adapters/db/repositories/companies';
import { seedDemoCompanies } from './seedDemoCompanies';

// A private in-memory PGlite: seeding only happens on an empty companies table, which a shared server is not.
describe('seedDemoCompanies', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({});
  });
  afterAll(async () => {
    await database.close();
  });

  it('fills an empty master database once, then leaves it alone', async () => {
    expect(await seedDemoCompanies(database, 1_500)).toEqual({ inserted: 1_500 });
    expect(await seedDemoCompanies(database, 1_500)).toEqual({ inserted: 0 });
    expect(await countCompanies(database.db)).toBe(1_500);
    const [first] = await database.query<{ id: string; country: string; industry: string }>("SELECT id, country, industry FROM companies WHERE id = 'C0000001'");
    expect(first).toMatchObject({ id: 'C0000001' });
    expect(first?.country).toMatch(/^[A-Z]{2}$/);
  });
});
