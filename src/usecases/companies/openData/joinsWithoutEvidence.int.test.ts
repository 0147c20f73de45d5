import { describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../test/databases';
import { useOwnTestDatabase } from '../../../test/ownTestDatabase';
import { importOpenData } from './importOpenData';
import { csvChunks, importSample, sample } from './openDataSamples';

// A Wikidata item merged with an SEC company by the CIK it carried, re-imported without it: the company is kept as it
// is (tenants' rows were moved to it when they were joined, and which were whose is not recorded), and every import
// that finds the join without evidence says so with the ids.
const wikidata = sample('wikidata-companies-sample.csv');
const kestrelUsaRow = 'Q900009,Kestrel Foods USA,,United States of America,food industry,900,,0001111111';
const withoutCik = wikidata.replace(kestrelUsaRow, 'Q900009,Kestrel Foods USA,,United States of America,food industry,900,,');


describe.each(testDatabaseKinds())('a merged record re-imported without the identifier that joined it (%s)', (kind) => {
  const own = useOwnTestDatabase(kind);

  let importsMade = 0;
  const at = () => new Date(Date.UTC(2026, 11, 3, 9, 0, importsMade++));
  const importWikidata = (text: string, file: string) => importOpenData({ format: 'wikidata', chunks: csvChunks(text), file, importedAt: at() }, { db: own.database.db });
  const recordsOf = async (companyId: string) =>
    (await own.database.query<{ source: string; source_id: string }>('SELECT source, source_id FROM company_sources WHERE company_id = $1 ORDER BY seq', [companyId])).map((row) => `${row.source}:${row.source_id}`);

  it('stays merged, and the import names the record, the company and the identifier it no longer carries', async () => {
    await importSample(own.database, 'sec', { file: 'company_tickers.json', importedAt: at() });
    await importSample(own.database, 'gleif', { file: 'gleif.csv', importedAt: at() });
    expect(await importWikidata(wikidata, 'wikidata.csv')).toMatchObject({ mergedByIdentifier: 2, joinsWithoutEvidence: [] });
    expect(await recordsOf('cik:0001111111')).toEqual(['sec:0001111111', 'wikidata:Q900009']);

    // The other merged items still share an LEI, a CIK, a domain or a name and country with their companies.
    const reimport = await importWikidata(withoutCik, 'wikidata-2.csv');
    expect(reimport).toMatchObject({ updated: 8, created: 0, merged: 0 });
    expect(reimport.joinsWithoutEvidence).toEqual([
      {
        line: 12,
        reason:
          'wikidata Q900009 (company cik:0001111111) no longer shares an LEI, CIK, domain, or name and country with the other records of its company (sec 0001111111): it no longer carries cik:0001111111. The company is kept as it is (its segments, accounts and lists name it): check whether they are one company',
      },
    ]);
    expect(await recordsOf('cik:0001111111')).toEqual(['sec:0001111111', 'wikidata:Q900009']);
    // Said again on every import while it lasts (not only when the identifier goes), until the data agree again.
    expect((await importWikidata(withoutCik, 'wikidata-3.csv')).joinsWithoutEvidence).toHaveLength(1);
    expect((await importWikidata(wikidata, 'wikidata-4.csv')).joinsWithoutEvidence).toEqual([]);
  });
});
