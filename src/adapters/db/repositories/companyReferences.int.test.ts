import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database';
import { createTestOrg } from '../../../test/createTestOrg';
import { openTestDatabase, testDatabaseKinds } from '../../../test/databases';
import { companyReferenceTables, moveCompanyReferences } from './companyReferences';

describe.each(testDatabaseKinds())('references to a master company merged into another (%s)', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database.close();
  });

  it('every table with a company_id column is one whose references move (a new table must be added to companyReferenceTables)', async () => {
    const rows = await database.query<{ table_name: string }>(
      `SELECT DISTINCT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'company_id' ORDER BY table_name`,
    );
    // company_sources is the master's own (its records move with moveCompanyRecords).
    expect(rows.map((row) => row.table_name).filter((table) => table !== 'company_sources')).toEqual(companyReferenceTables.map((entry) => entry.table).sort());
  });

  it('moves one org’s and another’s references, keeps a fact the survivor already has once, and leaves other companies alone', async () => {
    const tag = `${kind}-${Date.now()}`;
    const [from, to, other] = [`old-${tag}`, `new-${tag}`, `other-${tag}`];
    const first = await createTestOrg(database);
    const second = await createTestOrg(database);
    for (const { orgId } of [first, second]) {
      await database.query(`INSERT INTO crm_account_companies (org_id, provider, external_id, company_id) VALUES ($1, 'hubspot', 'a1', $2), ($1, 'hubspot', 'a2', $3)`, [orgId, from, other]);
      await database.query(`INSERT INTO segment_source_companies (org_id, source_key, company_id) VALUES ($1, 'upload:x', $2), ($1, 'upload:x', $3), ($1, 'upload:y', $2)`, [orgId, from, to]);
    }
    await moveCompanyReferences(database.db, from, to);
    for (const { orgId } of [first, second]) {
      expect(await database.query('SELECT external_id, company_id FROM crm_account_companies WHERE org_id = $1 ORDER BY external_id', [orgId])).toEqual([
        { external_id: 'a1', company_id: to },
        { external_id: 'a2', company_id: other },
      ]);
      expect(await database.query('SELECT source_key, company_id FROM segment_source_companies WHERE org_id = $1 ORDER BY source_key', [orgId])).toEqual([
        { source_key: 'upload:x', company_id: to },
        { source_key: 'upload:y', company_id: to },
      ]);
    }
  });
});
