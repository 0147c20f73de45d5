import { describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../test/databases';
import { useOwnTestDatabase } from '../../../test/ownTestDatabase';
import { importCompanies } from '../importCompanies';
import { csvChunks, importSample } from './openDataSamples';

// A database of the file's own (openOwnTestDatabase): the tests empty the master and read planner statistics.


interface StoredCompany {
  id: string;
  name: string;
  domain: string | null;
  other_domains: string[];
  country: string | null;
  city: string | null;
  other_names: string[];
  firmographics: Record<string, string>;
  provenance: { source: string; sourceId: string; file: string }[] | null;
}

const brightwaterLei = 'lei:5493001KJTIIGC8Y1R12';
const kestrelLei = 'lei:9695005MSX1OYEMGDF46';
const appleCik = 'cik:0000320193';

describe.each(testDatabaseKinds())('a CSV import of open data companies (%s)', (kind) => {
  const own = useOwnTestDatabase(kind);

  let importsMade = 0;
  const importFile = (format: 'gleif' | 'sec' | 'wikidata', file = `${format}.csv`) => importSample(own.database, format, { file, importedAt: new Date(Date.UTC(2026, 11, 3, 9, 0, importsMade++)) });
  const importCsv = (csv: string, file: string) => importCompanies({ chunks: csvChunks(csv), file, importedAt: new Date(Date.UTC(2026, 11, 4, 9, 0, importsMade++)) }, { db: own.database.db });
  const company = async (id: string): Promise<StoredCompany | undefined> =>
    (await own.database.query<StoredCompany>('SELECT id, name, domain, other_domains, country, city, other_names, firmographics, provenance FROM companies WHERE id = $1 AND org_id IS NULL', [id]))[0];
  const sourcesOf = async (id: string) => (await company(id))?.provenance?.map((entry) => `${entry.source}:${entry.sourceId}:${entry.file}`);

  it('adds a row to the company beside its GLEIF, SEC and Wikidata records: provenance per source, names and domains kept', async () => {
    await importFile('gleif');
    await importFile('sec', 'company_tickers.json');
    await importFile('wikidata');
    const csv = [
      'company_id,name,domain,country,other_names',
      `${brightwaterLei},Brightwater Holdings Corp,bwh-group.com,US,BWH Group`,
      `${appleCik},Apple,apple.com,US,`,
      'C-1,Plain Company,plaincompany.co.uk,GB,',
    ].join('\n');
    expect(await importCsv(csv, 'operator.csv')).toEqual({ upserted: 3, rejected: [] });

    expect(await sourcesOf(brightwaterLei)).toEqual([
      'gleif:5493001KJTIIGC8Y1R12:gleif.csv',
      'sec:0002222222:company_tickers.json',
      'wikidata:Q900006:wikidata.csv',
      `csv:${brightwaterLei}:operator.csv`,
    ]);
    // The operator's values win (their deliberate curation); the data sets' website is another domain.
    const brightwater = await company(brightwaterLei);
    expect(brightwater).toMatchObject({ name: 'Brightwater Holdings Corp', domain: 'bwh-group.com', other_domains: ['brightwater-holdings.com'], country: 'US' });
    expect(brightwater?.other_names).toEqual(expect.arrayContaining(['Brightwater', 'BWH Group']));
    expect(brightwater?.firmographics).toMatchObject({ lei: '5493001KJTIIGC8Y1R12', cik: '0002222222', qid: 'Q900006' });
    // What the data sets lack, the CSV fills (SEC gives no website).
    expect(await company(appleCik)).toMatchObject({ name: 'Apple', domain: 'apple.com', country: 'US' });
    expect(await sourcesOf(appleCik)).toEqual(['sec:0000320193:company_tickers.json', `csv:${appleCik}:operator.csv`]);
    // A company of no data set is written as the row says, as before.
    expect(await company('C-1')).toMatchObject({ name: 'Plain Company', domain: 'plaincompany.co.uk', provenance: null });
  });

  it('updates its row in place on a CSV re-import, and keeps it through the data sets’ re-imports', async () => {
    expect(await importCsv(`company_id,name,domain,country,other_names\n${brightwaterLei},Brightwater Holdings Corp,bwh-group.com,US,BWH Holdings Group`, 'operator-2.csv')).toEqual({ upserted: 1, rejected: [] });
    const brightwater = await company(brightwaterLei);
    expect(brightwater?.provenance?.filter((entry) => entry.source === 'csv').map((entry) => entry.file)).toEqual(['operator-2.csv']);
    expect(brightwater?.other_names).toContain('BWH Holdings Group');
    expect(brightwater?.other_names).not.toContain('BWH Group');
    await importFile('gleif', 'gleif-2.csv');
    await importFile('sec', 'company_tickers-2.json');
    await importFile('wikidata', 'wikidata-2.csv');
    expect(await sourcesOf(brightwaterLei)).toEqual([
      'gleif:5493001KJTIIGC8Y1R12:gleif-2.csv',
      'sec:0002222222:company_tickers-2.json',
      'wikidata:Q900006:wikidata-2.csv',
      `csv:${brightwaterLei}:operator-2.csv`,
    ]);
    expect(await company(brightwaterLei)).toMatchObject({ name: 'Brightwater Holdings Corp', domain: 'bwh-group.com', other_domains: ['brightwater-holdings.com'] });
    expect((await company(brightwaterLei))?.other_names).toContain('BWH Holdings Group');
    expect(await company(appleCik)).toMatchObject({ domain: 'apple.com' });
  });

  it('keeps a row imported before the data set: the data set’s import adds its record to the same company', async () => {
    await own.database.query('DELETE FROM companies WHERE org_id IS NULL');
    expect(await importCsv(`company_id,name,domain,country\n${kestrelLei},Kestrel Foods,kestrel-lebensmittel.de,DE`, 'first.csv')).toEqual({ upserted: 1, rejected: [] });
    const gleif = await importFile('gleif', 'gleif-3.csv');
    // Kestrel's record joins the company the CSV row made: merged, not created.
    expect(gleif.merged).toBe(1);
    expect(gleif.created).toBe(gleif.upserted - 1);
    expect(await sourcesOf(kestrelLei)).toEqual([`csv:${kestrelLei}:first.csv`, 'gleif:9695005MSX1OYEMGDF46:gleif-3.csv']);
    const kestrel = await company(kestrelLei);
    expect(kestrel).toMatchObject({ name: 'Kestrel Foods', domain: 'kestrel-lebensmittel.de', country: 'DE' });
    expect(kestrel?.other_names).toEqual(expect.arrayContaining(['Kestrel Lebensmittel GmbH', 'Kestrel Nahrung GmbH']));
  });

  it('takes an operator’s correction of the legal name, country and website over GLEIF’s, and keeps it through GLEIF’s re-import', async () => {
    await own.database.query('DELETE FROM companies WHERE org_id IS NULL');
    await importFile('gleif', 'gleif-5.csv');
    // The operator corrects the legal name, the country and the website, and leaves the city empty.
    expect(await importCsv(`company_id,name,domain,country,city\n${kestrelLei},Kestrel Foods Holding AG,kestrel-foods.ch,CH,`, 'corrections.csv')).toEqual({ upserted: 1, rejected: [] });
    const corrected = {
      name: 'Kestrel Foods Holding AG',
      domain: 'kestrel-foods.ch',
      country: 'CH',
      // What the CSV leaves empty keeps GLEIF's value.
      city: 'Hamburg',
    };
    expect(await company(kestrelLei)).toMatchObject(corrected);
    // GLEIF's legal name stays a name the matcher finds the company by.
    expect((await company(kestrelLei))?.other_names).toEqual(expect.arrayContaining(['Kestrel Lebensmittel GmbH', 'Kestrel Foods', 'Kestrel Nahrung GmbH']));
    await importFile('gleif', 'gleif-6.csv');
    expect(await company(kestrelLei)).toMatchObject(corrected);
    expect(await sourcesOf(kestrelLei)).toEqual(['gleif:9695005MSX1OYEMGDF46:gleif-6.csv', `csv:${kestrelLei}:corrections.csv`]);
  });

  it('refreshes the planner statistics of the tables an import wrote (PGlite has no autovacuum)', async () => {
    const estimated = async (table: string) => {
      const [row] = await own.database.query<{ estimated: number | string; counted: number | string }>(`SELECT (SELECT reltuples FROM pg_class WHERE oid = '${table}'::regclass) AS estimated, (SELECT count(*) FROM ${table}) AS counted`);
      return [Number(row?.estimated), Number(row?.counted)];
    };
    const rows = Array.from({ length: 300 }, (_, row) => `S-${row},Statistics Company ${row},statscompany${row}.com,US`);
    expect((await importCsv(['company_id,name,domain,country', ...rows].join('\n'), 'many.csv')).upserted).toBe(300);
    const [companiesEstimated, companiesCounted] = await estimated('companies');
    expect(companiesEstimated).toBe(companiesCounted);
    await importFile('wikidata', 'wikidata-4.csv');
    const [sourcesEstimated, sourcesCounted] = await estimated('company_sources');
    expect(sourcesEstimated).toBe(sourcesCounted);
  });
});
