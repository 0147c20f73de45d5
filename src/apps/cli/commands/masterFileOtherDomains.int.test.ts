import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../adapters/db/database';
import { buildMasterIndexInParallel } from '../../../adapters/matching/buildIndexInParallel';
import { parseCsv } from '../../../domain/matching/csv';
import { buildExclusionSet } from '../../../domain/matching/excludedDomains';
import { matchAccounts } from '../../../domain/matching/matchAccounts';
import { buildMasterIndex, type MasterIndex } from '../../../domain/matching/masterIndex';
import type { AccountInput } from '../../../domain/matching/types';
import { testDatabaseKinds } from '../../../test/databases';
import { openOwnTestDatabase } from '../../../test/ownTestDatabase';
import { importCompanies } from '../../../usecases/companies/importCompanies';
import { loadMasterIndex } from '../../../usecases/matching/loadMasterIndex';
import { loadMasterFileStreamed } from './matchFiles';

// The master index built from a CSV file (`openabm match --master FILE`, the bench, --index-snapshot) and the one
// built from the database after importing the same file hold the same companies: other domains included.
const masterCsv = [
  'company_id,name,domain,other_domains,country,industry',
  'OD-1,Fennimore Outfitters,fennimore.com,"https://www.fennimore-shop.co.uk; fennimore.com|FENNIMORE.de",US,Retail',
  'OD-2,Quillfeather Widgets,quillfeather.com,,GB,Manufacturing',
  'OD-3,Barnes Advisors SAS,barnes-advisors.fr,barnes.eu barnes-conseil.fr,FR,',
].join('\n');

// A row that only an other domain finds: its country is not the company's, and the name alone is not enough.
const rows: AccountInput[] = [
  { rowId: 'by-other-domain', name: 'Fennimore Outfitters Ltd', domain: 'orders@fennimore-shop.co.uk', country: 'GB' },
  { rowId: 'by-domain', name: 'Quillfeather Widgets Ltd', domain: 'quillfeather.com', country: 'GB' },
  { rowId: 'by-second-other-domain', name: 'Barnes Advisors', domain: 'www.barnes-conseil.fr', country: 'DE' },
];
const run = (index: MasterIndex) => matchAccounts(index, rows, { excludedDomains: buildExclusionSet() });

describe.each(testDatabaseKinds())('the index built from a master CSV file and from the database (%s)', (kind) => {
  let database: Database;
  let dir: string;
  beforeAll(async () => {
    database = await openOwnTestDatabase(kind);
    dir = mkdtempSync(path.join(os.tmpdir(), 'openabm-other-domains-'));
  });
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('match a row by an other domain alike, whether the file is streamed or built on several threads', async () => {
    const file = path.join(dir, 'master.csv');
    writeFileSync(file, `${masterCsv}\n`);
    expect(await importCompanies({ chunks: (async function* () { yield parseCsv(masterCsv); })() }, { db: database.db })).toEqual({ upserted: 3, rejected: [] });
    const fromDatabase = run(await loadMasterIndex(database.db));
    expect(fromDatabase.map((result) => [result.rowId, result.status, result.companyId])).toEqual([
      ['by-other-domain', 'matched', 'OD-1'],
      ['by-domain', 'matched', 'OD-2'],
      ['by-second-other-domain', 'matched', 'OD-3'],
    ]);
    // Without its other domains the company is not found: the rows match by them only.
    const withoutOtherDomains = run(buildMasterIndex([
      { companyId: 'OD-1', name: 'Fennimore Outfitters', domain: 'fennimore.com', country: 'US', completeness: 1 },
      { companyId: 'OD-2', name: 'Quillfeather Widgets', domain: 'quillfeather.com', country: 'GB', completeness: 1 },
      { companyId: 'OD-3', name: 'Barnes Advisors SAS', domain: 'barnes-advisors.fr', country: 'FR', completeness: 0 },
    ]));
    expect(withoutOtherDomains.map((result) => result.status)).toEqual(['unmatched', 'matched', 'unmatched']);
    expect(run(await loadMasterFileStreamed(file))).toEqual(fromDatabase);
    const parallel = await buildMasterIndexInParallel(file, 2, { chunks: 2 });
    expect(parallel).not.toBeNull();
    expect(run(parallel as MasterIndex)).toEqual(fromDatabase);
  });

  it('refuses an other_domains value that is not a domain with the reason the import gives', async () => {
    const bad = 'company_id,name,domain,other_domains,country\nOD-9,Orbital Data,orbital.io,"orbital.de; not a domain!",DE';
    const imported = await importCompanies({ chunks: (async function* () { yield parseCsv(bad); })() }, { db: database.db });
    expect(imported.rejected).toEqual([{ line: 2, reason: 'other_domains "not" is not a website or domain name' }]);
    const file = path.join(dir, 'bad.csv');
    writeFileSync(file, `${bad}\n`);
    await expect(loadMasterFileStreamed(file)).rejects.toThrow(/line 2.*other_domains "not" is not a website or domain name|other_domains "not" is not a website or domain name.*line 2/);
  });
});
