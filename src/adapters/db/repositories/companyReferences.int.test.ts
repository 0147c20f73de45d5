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

  it('moves one org’s and another’s references, keeps a fact the survivor or another merged company already has once, and leaves other companies alone', async () => {
    const tag = `${kind}-${Date.now()}`;
    const [first, second, to, other] = [`old1-${tag}`, `old2-${tag}`, `new-${tag}`, `other-${tag}`];
    const orgs = [await createTestOrg(database), await createTestOrg(database)];
    for (const { orgId } of orgs) {
      await database.query(`INSERT INTO crm_account_companies (org_id, provider, external_id, company_id) VALUES ($1, 'hubspot', 'a1', $2), ($1, 'hubspot', 'a2', $3), ($1, 'hubspot', 'a3', $4)`, [orgId, first, other, second]);
      // upload:x names the survivor and both merged companies, upload:y the two merged companies, upload:z one.
      await database.query(
        `INSERT INTO segment_source_companies (org_id, source_key, company_id) VALUES ($1, 'upload:x', $2), ($1, 'upload:x', $3), ($1, 'upload:x', $4), ($1, 'upload:y', $2), ($1, 'upload:y', $4), ($1, 'upload:z', $4), ($1, 'upload:z', $5)`,
        [orgId, first, to, second, other],
      );
      const [batch] = await database.query<{ id: string }>('INSERT INTO match_batches (org_id) VALUES ($1) RETURNING id', [orgId]);
      const candidates = [
        { companyId: other, score: 0.9 },
        { companyId: second, score: 0.8 },
        { companyId: to, score: 0.7 },
        { companyId: first, score: 0.6 },
      ];
      await database.query(`INSERT INTO match_results (org_id, batch_id, row_index, row_id, status, company_id, candidates) VALUES ($1, $2, 0, 'r0', 'unmatched', NULL, $3::jsonb), ($1, $2, 1, 'r1', 'matched', $4, '[]'::jsonb)`, [
        orgId,
        batch?.id,
        JSON.stringify(candidates),
        first,
      ]);
    }
    await moveCompanyReferences(
      database.db,
      new Map([
        [first, to],
        [second, to],
      ]),
    );
    for (const { orgId } of orgs) {
      expect(await database.query('SELECT external_id, company_id FROM crm_account_companies WHERE org_id = $1 ORDER BY external_id', [orgId])).toEqual([
        { external_id: 'a1', company_id: to },
        { external_id: 'a2', company_id: other },
        { external_id: 'a3', company_id: to },
      ]);
      expect(await database.query('SELECT source_key, company_id FROM segment_source_companies WHERE org_id = $1 ORDER BY source_key, company_id', [orgId])).toEqual([
        { source_key: 'upload:x', company_id: to },
        { source_key: 'upload:y', company_id: to },
        { source_key: 'upload:z', company_id: to },
        { source_key: 'upload:z', company_id: other },
      ]);
      // The better ranked of the entries that became one company stays, with its score.
      expect(await database.query('SELECT row_id, company_id, candidates FROM match_results WHERE org_id = $1 ORDER BY row_index', [orgId])).toEqual([
        { row_id: 'r0', company_id: null, candidates: [{ companyId: other, score: 0.9 }, { companyId: to, score: 0.8 }] },
        { row_id: 'r1', company_id: to, candidates: [] },
      ]);
    }
  });
});
