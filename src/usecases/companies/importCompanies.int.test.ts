import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../adapters/db/database';
import { CsvFormatError, parseCsv } from '../../domain/matching/csv';
import { createTestOrg } from '../../test/createTestOrg';
import { openTestDatabase, testDatabaseKinds } from '../../test/databases';
import { matchAccountsForOrg } from '../matching/matchAccountsForOrg';
import { importCompanies } from './importCompanies';

async function* chunksOf(text: string) {
  yield parseCsv(text);
}

describe.each(testDatabaseKinds())('the CSV master format’s other_names column on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database.close();
  });

  // Ids and names carry a per-test tag: the companies table is shared (and by parallel test files on PostgreSQL).
  const newTag = () => Math.random().toString(36).slice(2, 8).replace(/\d/g, (digit) => 'abcdefghij'[Number(digit)] ?? '');
  const stored = (tag: string) =>
    database.query<{ id: string; name: string; other_names: string[]; firmographics: Record<string, string> }>('SELECT id, name, other_names, firmographics FROM companies WHERE id LIKE $1 ORDER BY id', [`${tag}-%`]);

  it('stores the names separated by "|" as the company’s other names (not firmographics); a re-import replaces them', async () => {
    const tag = newTag();
    const csv = `company_id,name,domain,country,other_names,founded
${tag}-1,Zanthoxyl ${tag} Holdings GmbH,,DE,Vellichor ${tag} Trading | Zanthoxyl ${tag}|Vellichor ${tag} Trading,1999
${tag}-2,Quillon ${tag} Ltd,,GB,,
`;
    expect(await importCompanies({ chunks: chunksOf(csv) }, { db: database.db })).toEqual({ upserted: 2, rejected: [] });
    expect(await stored(tag)).toEqual([
      { id: `${tag}-1`, name: `Zanthoxyl ${tag} Holdings GmbH`, other_names: [`Vellichor ${tag} Trading`, `Zanthoxyl ${tag}`], firmographics: { founded: '1999' } },
      { id: `${tag}-2`, name: `Quillon ${tag} Ltd`, other_names: [], firmographics: {} },
    ]);
    await importCompanies({ chunks: chunksOf(csv.replace(` | Zanthoxyl ${tag}|Vellichor ${tag} Trading`, '')) }, { db: database.db });
    expect((await stored(tag))[0]?.other_names).toEqual([`Vellichor ${tag} Trading`]);
  });

  it('stores other_domains normalised, without the main domain or repeats; a re-import replaces them in place', async () => {
    const tag = newTag();
    const otherDomains = async () => (await database.query<{ domain: string; other_domains: string[] }>('SELECT domain, other_domains FROM companies WHERE id = $1', [`${tag}-1`]))[0];
    const csv = (others: string) => `company_id,name,domain,country,other_domains\n${tag}-1,Quillon ${tag} Ltd,quillon-${tag}.co.uk,GB,"${others}"\n`;
    expect(await importCompanies({ chunks: chunksOf(csv(`https://www.quillon-${tag}.com/about; quillon-${tag}.co.uk | QUILLON-${tag}.COM quillon-${tag}.de`)) }, { db: database.db })).toEqual({ upserted: 1, rejected: [] });
    expect(await otherDomains()).toEqual({ domain: `quillon-${tag}.co.uk`, other_domains: [`quillon-${tag}.com`, `quillon-${tag}.de`] });
    await importCompanies({ chunks: chunksOf(csv(`quillon-${tag}.fr`)) }, { db: database.db });
    expect(await otherDomains()).toEqual({ domain: `quillon-${tag}.co.uk`, other_domains: [`quillon-${tag}.fr`] });
  });

  it('the matcher finds the company by an other name (same country), as an org’s account list is matched', async () => {
    const tag = newTag();
    await importCompanies({ chunks: chunksOf(`company_id,name,country,other_names\n${tag}-1,Zanthoxyl ${tag} Holdings GmbH,DE,Vellichor ${tag} Trading|ZXH ${tag}\n`) }, { db: database.db });
    const { orgId } = await createTestOrg(database);
    const { results } = await matchAccountsForOrg(
      {
        orgId,
        records: [
          { rowId: 'other-name', name: `Vellichor ${tag} Trading`, country: 'Germany' },
          { rowId: 'other-country', name: `ZXH ${tag}`, country: 'FR' },
        ],
      },
      { db: database.db },
    );
    expect(results.map((result) => [result.rowId, result.status, result.companyId])).toEqual([
      ['other-name', 'matched', `${tag}-1`],
      ['other-country', 'unmatched', null],
    ]);
  });

  it('an organisation’s private companies take other names too, and its matching finds them by them', async () => {
    const tag = newTag();
    const { orgId } = await createTestOrg(database);
    const result = await importCompanies({ chunks: chunksOf(`company_id,name,country,other_names\n${tag}-p1,Pelorus ${tag} Werke AG,DE,Pelorus ${tag} Marine\n`), orgId }, { db: database.db });
    expect(result).toEqual({ upserted: 1, rejected: [] });
    const { results } = await matchAccountsForOrg({ orgId, records: [{ rowId: 'other-name', name: `Pelorus ${tag} Marine`, country: 'DE' }] }, { db: database.db });
    expect(results.map((match) => [match.rowId, match.status])).toEqual([['other-name', 'matched']]);
    expect(results[0]?.companyId).toContain(`${tag}-p1`);
  });

  it('rejects rows with bad other names with their line and a specific reason, writing none of them; the good rows are stored', async () => {
    const tag = newTag();
    const csv = [
      'company_id,name,country,other_names',
      `${tag}-1,Good ${tag} Ltd,GB,Good ${tag}`,
      `${tag}-2,Empty ${tag} Ltd,GB,A||B`,
      `${tag}-3,Trailing ${tag} Ltd,GB,A|`,
      `${tag}-4,Long ${tag} Ltd,GB,A|${'x'.repeat(501)}`,
      `${tag}-5,Many ${tag} Ltd,GB,${Array.from({ length: 9 }, (_, n) => `N${n}`).join('|')}`,
    ].join('\n');
    const result = await importCompanies({ chunks: chunksOf(csv) }, { db: database.db });
    expect(result.upserted).toBe(1);
    expect(result.rejected).toEqual([
      { line: 3, reason: 'other_names has an empty name (name 2 of 3): separate names with a single "|", none before the first or after the last' },
      { line: 4, reason: 'other_names has an empty name (name 2 of 2): separate names with a single "|", none before the first or after the last' },
      { line: 5, reason: `other_names: name 2 ("${'x'.repeat(40)}…") is longer than 500 characters` },
      { line: 6, reason: 'other_names has 9 different names; at most 8 are allowed' },
    ]);
    expect((await stored(tag)).map((row) => [row.id, row.other_names])).toEqual([[`${tag}-1`, [`Good ${tag}`]]]);
  });

  it('refuses a header with two other_names columns before writing anything', async () => {
    const tag = newTag();
    const csv = `company_id,name,other_names,Other Names\n${tag}-1,Twice ${tag} Ltd,A,B\n`;
    await expect(importCompanies({ chunks: chunksOf(csv) }, { db: database.db })).rejects.toThrow(CsvFormatError);
    await expect(importCompanies({ chunks: chunksOf(csv) }, { db: database.db })).rejects.toThrow('the header has 2 other_names columns (columns 3 and 4); give one, names separated by "|"');
    expect(await stored(tag)).toEqual([]);
  });
});
