import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../adapters/db/database';
import { addExcludedDomains, getMatchBatch, listMatchResults } from '../../adapters/db/repositories/companiesMatching';
import { parseCsv } from '../../domain/matching/csv';
import { createTestOrg } from '../../test/createTestOrg';
import { openTestDatabase, testDatabaseKinds } from '../../test/databases';
import { importCompanies } from '../companies/importCompanies';
import { getMatchSettings, updateMatchSettings } from '../companies/matchSettings';
import { matchAccountsForOrg } from './matchAccountsForOrg';

// Ids carry a per-run tag: the companies table is shared by every organisation (and by parallel test files on PostgreSQL).
const tag = Math.random().toString(36).slice(2, 8);
const companiesCsv = `company_id,name,domain,country,industry,founded
${tag}-1,Zephyrine Analytics Inc.,zephyrine-${tag}.com,US,Software,2011
${tag}-2,Quillborne Logistics GmbH,quillborne-${tag}.de,DE,Logistics,
${tag}-3,"Marrowfield & Sons, Ltd",,GB,,
${tag}-bad,,nameless.com,US,,
${tag}-4,Badcountry Co,,Atlantis,,
`;

async function* chunksOf(text: string) {
  yield parseCsv(text);
}

describe.each(testDatabaseKinds())('matchAccountsForOrg on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database.close();
  });

  it('imports companies idempotently and reports rejected rows with line and reason', async () => {
    const first = await importCompanies({ chunks: chunksOf(companiesCsv) }, { db: database.db });
    const second = await importCompanies({ chunks: chunksOf(companiesCsv) }, { db: database.db });
    expect(first).toEqual(second);
    expect(first.upserted).toBe(3);
    expect(first.rejected).toEqual([
      { line: 5, reason: 'name is empty' },
      { line: 6, reason: 'country "Atlantis" is not a recognised country name or ISO code' },
    ]);
    const rows = await database.query<{ id: string; domain: string | null; firmographics: Record<string, string> }>(
      'SELECT id, domain, firmographics FROM companies WHERE id LIKE $1 ORDER BY id',
      [`${tag}-%`],
    );
    expect(rows.map((row) => [row.id, row.domain])).toEqual([
      [`${tag}-1`, `zephyrine-${tag}.com`],
      [`${tag}-2`, `quillborne-${tag}.de`],
      [`${tag}-3`, null],
    ]);
    expect(rows[0]?.firmographics).toEqual({ founded: '2011' });
  });

  it('matches a list and stores every row with status, reason, score and candidates', async () => {
    await importCompanies({ chunks: chunksOf(companiesCsv) }, { db: database.db });
    const { orgId } = await createTestOrg(database);
    const records = [
      { rowId: 'a', name: 'ZEPHYRINE ANALYTICS', domain: `https://www.zephyrine-${tag}.com/about`, country: 'USA' },
      { rowId: 'b', name: 'Quillborne Logistics', country: 'Germany' },
      { rowId: 'c', domain: `quillborne-${tag}.de` },
      { rowId: 'd', name: 'Marrowfield', domain: 'someone@gmail.com' },
      { rowId: 'e', name: '', domain: '' },
    ];
    const output = await matchAccountsForOrg({ orgId, records }, { db: database.db });
    expect(output.summary).toEqual({ inputRows: 5, matched: 2, duplicates: 1, unmatched: 2 });
    const stored = await listMatchResults(database.db, orgId, output.batchId);
    expect(stored.map((row) => [row.rowId, row.status, row.companyId, row.reason])).toEqual([
      ['a', 'matched', `${tag}-1`, null],
      ['b', 'matched', `${tag}-2`, null],
      ['c', 'duplicate', `${tag}-2`, null],
      ['d', 'unmatched', null, 'excluded_domain'],
      ['e', 'unmatched', null, 'missing_data'],
    ]);
    expect(stored[0]?.candidates[0]).toMatchObject({ companyId: `${tag}-1` });
    expect(stored[0]?.score).toBeGreaterThan(0.9);
    expect(stored[1]?.inputCountry).toBe('Germany');
    expect(await getMatchBatch(database.db, orgId, output.batchId)).toMatchObject({ inputRows: 5, matched: 2, duplicates: 1, unmatched: 2 });
  });

  it("applies the organisation's own excluded domains, and re-running a batch replaces its results", async () => {
    const { orgId } = await createTestOrg(database);
    const records = [{ rowId: 'x', domain: `quillborne-${tag}.de` }];
    const first = await matchAccountsForOrg({ orgId, records }, { db: database.db });
    expect(first.results[0]?.status).toBe('matched');
    await addExcludedDomains(database.db, orgId, [`quillborne-${tag}.de`]);
    const second = await matchAccountsForOrg({ orgId, batchId: first.batchId, records }, { db: database.db });
    expect(second.batchId).toBe(first.batchId);
    const stored = await listMatchResults(database.db, orgId, first.batchId);
    expect(stored.map((row) => [row.status, row.reason])).toEqual([['unmatched', 'excluded_domain']]);
  });

  it('matches a personal e-mail row on name and country, says so, and stops when the organisation turns it off', async () => {
    await importCompanies({ chunks: chunksOf(companiesCsv) }, { db: database.db });
    const { orgId } = await createTestOrg(database);
    const other = await createTestOrg(database);
    const records = [
      { rowId: 'p', name: 'Quillborne Logistics', domain: 'jane.doe@gmail.com', country: 'Germany' },
      { rowId: 'q', name: 'Quillborne Logistics', domain: 'jane.doe@gmail.com' },
    ];
    expect(await getMatchSettings({ orgId }, { db: database.db })).toEqual({ nameFallbackOnExcludedDomain: true });
    const fallback = await matchAccountsForOrg({ orgId, records }, { db: database.db });
    const stored = await listMatchResults(database.db, orgId, fallback.batchId);
    expect(stored.map((row) => [row.rowId, row.status, row.companyId, row.reason, row.note])).toEqual([
      ['p', 'matched', `${tag}-2`, null, 'name_country_fallback'],
      // Without a country, name alone does not settle it: the spec's reason stays.
      ['q', 'unmatched', null, 'excluded_domain', undefined],
    ]);

    expect(await updateMatchSettings({ orgId, input: { nameFallbackOnExcludedDomain: false } }, { db: database.db })).toEqual({ nameFallbackOnExcludedDomain: false });
    const spec = await matchAccountsForOrg({ orgId, records }, { db: database.db });
    expect(spec.results.map((row) => [row.status, row.reason])).toEqual([
      ['unmatched', 'excluded_domain'],
      ['unmatched', 'excluded_domain'],
    ]);
    // Another organisation keeps the default.
    expect((await matchAccountsForOrg({ orgId: other.orgId, records }, { db: database.db })).results[0]).toMatchObject({ status: 'matched', note: 'name_country_fallback' });
  });

  it("cannot see another organisation's batches", async () => {
    const owner = await createTestOrg(database);
    const other = await createTestOrg(database);
    const { batchId } = await matchAccountsForOrg({ orgId: owner.orgId, records: [{ rowId: '1', name: 'Quillborne Logistics' }] }, { db: database.db });
    expect(await listMatchResults(database.db, other.orgId, batchId)).toEqual([]);
    await expect(matchAccountsForOrg({ orgId: other.orgId, batchId, records: [] }, { db: database.db })).rejects.toThrow(/does not exist/);
  });
});
