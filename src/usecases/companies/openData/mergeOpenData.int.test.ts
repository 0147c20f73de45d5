import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CompanyDetailsRow } from '../../../adapters/db/segments/accountsRepo';
import { parseCsv } from '../../../domain/matching/csv';
import { createTestOrg } from '../../../test/createTestOrg';
import { testDatabaseKinds } from '../../../test/databases';
import { useOwnTestDatabase } from '../../../test/ownTestDatabase';
import { matchAccountsForOrg } from '../../matching/matchAccountsForOrg';
import { importOpenData, type ImportOpenDataOutput } from './importOpenData';
import { importSample, sample } from './openDataSamples';

// A database of the file's own on each test database (openOwnTestDatabase): the sample companies' ids are the data
// sets' own, and merging looks at the whole master (on a shared database, other files' open data companies would be
// candidates).



/** A master company as the details page reads it, with the columns open data adds. */
interface StoredCompany extends Omit<CompanyDetailsRow, 'revenue_range' | 'firmographics'> {
  firmographics: Record<string, string>;
  other_names: string[];
  provenance: { source: string; sourceId: string; file: string }[];
}

const brightwaterLei = 'lei:5493001KJTIIGC8Y1R12';
const kestrelLei = 'lei:9695005MSX1OYEMGDF46';
const orbitalLei = 'lei:2138003EK6R8JZ8FPA48';

describe.each(testDatabaseKinds())('records of one company in several open data sets are one master company (%s)', (kind) => {
  const own = useOwnTestDatabase(kind);

  let importsMade = 0;
  // Each import at its own time, as the CLI's are (a record stored at this import's time and file is one it wrote).
  const importFile = (format: 'gleif' | 'sec' | 'wikidata', file = `${format}.csv`, text?: string): Promise<ImportOpenDataOutput> =>
    importSample(own.database, format, { file, text, importedAt: new Date(Date.UTC(2026, 11, 3, 9, 0, importsMade++)) });
  const openDataCompanies = () =>
    own.database.query<StoredCompany>(
      'SELECT id, name, domain, other_domains, country, region, city, industry, employee_range, firmographics, other_names, provenance FROM companies WHERE org_id IS NULL AND provenance IS NOT NULL ORDER BY id',
    );
  /** Each company as the sorted list of its records (source:id), to compare groupings whatever the company ids. */
  const groupings = async () => (await openDataCompanies()).map((company) => company.provenance.map((entry) => `${entry.source}:${entry.sourceId}`).sort().join(' + ')).sort();
  const emptyMaster = () => own.database.query('DELETE FROM companies WHERE org_id IS NULL AND provenance IS NOT NULL');
  /** The open data companies as the matcher and pages see them, without when and from which file they were imported. */
  const comparable = async () =>
    (await openDataCompanies()).map((company) => ({ ...company, provenance: company.provenance.map((entry) => `${entry.source}:${entry.sourceId}`) }));

  it('a company in all three files ends up as one company with three provenance entries; similar names and other countries stay apart', async () => {
    await emptyMaster();
    expect(await importFile('gleif')).toMatchObject({ upserted: 3, created: 3, merged: 0, updated: 0 });
    // SEC's Brightwater ("BRIGHTWATER HOLDINGS CORP /DE/", a US registrant) is GLEIF's; its "KESTREL FOODS CO /NEW/"
    // is not the German Kestrel (SEC registrants count as US companies).
    expect(await importFile('sec', 'company_tickers.json')).toMatchObject({ upserted: 4, created: 3, merged: 1, updated: 0 });
    // Wikidata's Orbital (GB), Kestrel Foods (DE, GLEIF's trading name) and Brightwater (US) merge; Brightwater
    // Capital (a similar name), Orbital Data Systems in Ireland (another country) and the rest do not.
    // Brightwater Holdings also carries GLEIF's LEI and SEC's CIK, and Kestrel Foods USA SEC's CIK (its name alone
    // would merge it with no one): those two merge by identifier.
    expect(await importFile('wikidata')).toMatchObject({ upserted: 8, created: 4, merged: 4, mergedByIdentifier: 2, updated: 0, identifierConflicts: [] });

    const companies = await openDataCompanies();
    expect(companies).toHaveLength(3 + 3 + 4);
    const brightwater = companies.find((company) => company.id === brightwaterLei);
    expect(brightwater?.provenance.map((entry) => [entry.source, entry.sourceId])).toEqual([
      ['gleif', '5493001KJTIIGC8Y1R12'],
      ['sec', '0002222222'],
      ['wikidata', 'Q900006'],
    ]);
    // The first data set's values are kept; what it lacks, the others fill.
    expect(brightwater).toMatchObject({
      name: 'Brightwater Holdings Corporation',
      domain: 'brightwater-holdings.com',
      country: 'US',
      region: 'US-DE',
      city: 'Wilmington',
      industry: 'holding company',
      employee_range: '1001-5000',
      other_names: ['Brightwater'],
    });
    expect(brightwater?.firmographics).toMatchObject({ lei: '5493001KJTIIGC8Y1R12', cik: '0002222222', tickers: 'BWH', qid: 'Q900006' });
    const kestrel = companies.find((company) => company.id === kestrelLei);
    expect(kestrel?.provenance.map((entry) => entry.source)).toEqual(['gleif', 'wikidata']);
    // Wikidata's two websites of the item: the first is the company's domain, the other one of its other domains.
    expect(kestrel).toMatchObject({ name: 'Kestrel Lebensmittel GmbH', domain: 'kestrelfoods.com', other_domains: ['kestrel-foods.de'], industry: 'food industry' });
    expect(companies.find((company) => company.id === orbitalLei)?.provenance.map((entry) => entry.source)).toEqual(['gleif', 'wikidata']);
    expect(await groupings()).toEqual(
      [
        'sec:0000320193',
        'sec:0001067983',
        'sec:0001111111 + wikidata:Q900009',
        'gleif:2138003EK6R8JZ8FPA48 + wikidata:Q900001',
        'gleif:5493001KJTIIGC8Y1R12 + sec:0002222222 + wikidata:Q900006',
        'gleif:9695005MSX1OYEMGDF46 + wikidata:Q900002',
        'wikidata:Q900003',
        'wikidata:Q900004',
        'wikidata:Q900007',
        'wikidata:Q900008',
      ].sort(),
    );
  });

  it('re-importing any of the files updates in place and never makes the duplicate', async () => {
    const before = await groupings();
    const renamed = sample('wikidata-companies-sample.csv').replace('Brightwater Holdings,https://www.brightwater-holdings.com,United States of America,holding company,2300', 'Brightwater Holdings,https://www.brightwater-holdings.com,United States of America,holding company,6100');
    expect(await importFile('wikidata', 'wikidata-2.csv', renamed)).toMatchObject({ upserted: 8, created: 0, merged: 0, mergedByIdentifier: 0, updated: 8 });
    expect(await importFile('sec', 'company_tickers-2.json', sample('sec-company-tickers-sample.json').replace('"BWH"', '"BWHX"'))).toMatchObject({ upserted: 4, created: 0, merged: 0, updated: 4 });
    expect(await importFile('gleif', 'gleif-2.csv')).toMatchObject({ upserted: 3, created: 0, merged: 0, updated: 3 });
    expect(await groupings()).toEqual(before);
    const brightwater = (await openDataCompanies()).find((company) => company.id === brightwaterLei);
    expect(brightwater?.provenance.map((entry) => [entry.source, entry.file])).toEqual([
      ['gleif', 'gleif-2.csv'],
      ['sec', 'company_tickers-2.json'],
      ['wikidata', 'wikidata-2.csv'],
    ]);
    // A merged record's own fields follow its data set: the new ticker, Wikidata's new head count (GLEIF has none).
    expect(brightwater?.firmographics).toMatchObject({ tickers: 'BWHX', employees: '6100' });
    expect(brightwater?.employee_range).toBe('5001-10000');
  });

  it('merges the same companies whatever order the files come in', async () => {
    const inFirstOrder = await groupings();
    await emptyMaster();
    expect(await importFile('sec', 'company_tickers.json')).toMatchObject({ created: 4, merged: 0 });
    // Brightwater and Kestrel Foods USA by their CIKs.
    expect(await importFile('wikidata')).toMatchObject({ created: 6, merged: 2, mergedByIdentifier: 2 });
    // GLEIF's Brightwater finds the company of the Wikidata item carrying its LEI.
    expect(await importFile('gleif')).toMatchObject({ created: 0, merged: 3, mergedByIdentifier: 1 });
    expect(await groupings()).toEqual(inFirstOrder);
    // The company keeps the id and name of the record it started from; its legal name becomes an other name.
    const brightwater = (await openDataCompanies()).find((company) => company.id === 'cik:0002222222');
    expect(brightwater).toMatchObject({ name: 'BRIGHTWATER HOLDINGS CORP /DE/', country: 'US', domain: 'brightwater-holdings.com', city: 'Wilmington' });
  });

  it('never merges two records of one data set, and merges nothing when two companies fit', async () => {
    await emptyMaster();
    const header = sample('gleif-golden-copy-sample.csv').split('\n')[0] ?? '';
    const gleifRow = (lei: string, name: string) => `"${lei}","${name}","en","","","","","","","1 High Street","Leeds","","GB","LS1 1AA","GB","H0PO","","ACTIVE","ISSUED"`;
    const twoEntities = [header, gleifRow(withCheckDigits('HARROW000000000001'), 'Harrow Mills Ltd'), gleifRow(withCheckDigits('HARROW000000000002'), 'Harrow Mills LLP')].join('\n');
    expect(await importFile('gleif', 'gleif.csv', twoEntities)).toMatchObject({ created: 2, merged: 0 });
    // "Harrow Mills" in the UK names both legal entities: which one is meant is not known, so neither takes it.
    expect(await importFile('wikidata', 'wikidata.csv', 'qid,name,website,country,industry,employees\nQ910001,Harrow Mills,,United Kingdom,textiles,300\n')).toMatchObject({ created: 1, merged: 0 });
    // Names with quotes, a backslash and braces merge like any other.
    const oddName = 'Harrow "Quoted" \\ {Braced} Works Ltd';
    const oddLei = withCheckDigits('HARROW000000000003');
    expect(await importFile('gleif', 'gleif-odd.csv', [header, gleifRow(oddLei, oddName.replace(/"/g, '""'))].join('\n'))).toMatchObject({ created: 1, merged: 0 });
    expect(await importFile('wikidata', 'wikidata-odd.csv', `qid,name,website,country,industry,employees\nQ910002,"${oddName.replace(/"/g, '""')}",,United Kingdom,textiles,20\n`)).toMatchObject({ created: 0, merged: 1 });
    expect(await groupings()).toEqual([`gleif:${withCheckDigits('HARROW000000000001')}`, `gleif:${withCheckDigits('HARROW000000000002')}`, `gleif:${oddLei} + wikidata:Q910002`, 'wikidata:Q910001'].sort());
  });

  it('companies imported before migration 0932 get their record and match keys, and merge with the next data set', async () => {
    await emptyMaster();
    const lei = withCheckDigits('QUILL0000000000001');
    // A company as 0931 stored it: one provenance object, other names in firmographics, no record in company_sources.
    await own.database.query(
      `INSERT INTO companies (id, name, country, city, firmographics, provenance) VALUES ($1, 'Quill & Ferrule GmbH', 'DE', 'Köln', $2::jsonb, $3::jsonb)`,
      [`lei:${lei}`, JSON.stringify({ lei, other_names: 'Quill Ferrule Werke; QF Schreibwaren' }), JSON.stringify({ source: 'gleif', sourceId: lei, dataset: 'GLEIF LEI golden copy', licence: 'CC0 1.0', file: 'old.csv', importedAt: '2026-11-01T00:00:00.000Z' })],
    );
    const migration = readFileSync(path.join(import.meta.dirname, '../../../adapters/db/migrations/0932_company_sources.sql'), 'utf8');
    await own.database.execScript(migration.slice(migration.indexOf('-- Companies imported before this migration')));
    const [migrated] = await openDataCompanies();
    expect(migrated).toMatchObject({ id: `lei:${lei}`, other_names: ['Quill Ferrule Werke', 'QF Schreibwaren'], firmographics: { lei }, provenance: [{ source: 'gleif', sourceId: lei }] });
    // Its record has no match keys yet: the next import makes them, then matches Wikidata's item by the other name.
    const result = await importFile('wikidata', 'wikidata.csv', 'qid,name,website,country,industry,employees\nQ920001,QF Schreibwaren,https://qf-schreibwaren.de,Germany,stationery,800\n');
    expect(result).toMatchObject({ created: 0, merged: 1 });
    expect(await groupings()).toEqual([`gleif:${lei} + wikidata:Q920001`]);
    expect((await openDataCompanies())[0]).toMatchObject({ name: 'Quill & Ferrule GmbH', domain: 'qf-schreibwaren.de', other_names: ['Quill Ferrule Werke', 'QF Schreibwaren'] });
  });

  describe('by exact identifier (LEI, CIK)', () => {
    const heronLei = withCheckDigits('HERONIDMERGE000001');
    const gleifHeader = () => sample('gleif-golden-copy-sample.csv').split('\n')[0] ?? '';
    const gleifFile = (...rows: [string, string, string][]) =>
      [gleifHeader(), ...rows.map(([lei, name, country]) => `"${lei}","${name}","en","","","","","","","1 Hauptstraße","Berlin","","${country}","10115","${country}","2HBR","","ACTIVE","ISSUED"`)].join('\n');
    const secFile = (...entries: [number, string][]) => `{${entries.map(([cik, title], n) => `"${n}":{"cik_str":${cik},"ticker":"T${n}","title":"${title}"}`).join(',')}}`;
    const wikidataFile = (...rows: string[]) => ['qid,name,website,country,industry,employees,lei,cik', ...rows].join('\n');

    it('a Wikidata item merges with the GLEIF record of its LEI and the SEC record of its CIK (leading zeros or not), whatever the names; a re-import changes nothing', async () => {
      await emptyMaster();
      expect(await importFile('gleif', 'gleif.csv', gleifFile([heronLei, 'Heron Verwaltungs AG', 'DE']))).toMatchObject({ created: 1 });
      expect(await importFile('sec', 'company_tickers.json', secFile([4444444, 'GREYLAG INDUSTRIES INC'], [5555555, 'PLOVER CORP']))).toMatchObject({ created: 2 });
      // No name agrees (and Heron's country differs): only the identifiers say these are the same companies.
      const items = wikidataFile(`Q930001,Heron Group,,Austria,holding,,${heronLei.toLowerCase()},`, 'Q930002,Greylag,,United States of America,,,,4444444', 'Q930003,Plover Aerospace,,United States of America,,,,0005555555');
      expect(await importFile('wikidata', 'wikidata.csv', items)).toMatchObject({ upserted: 3, created: 0, merged: 3, mergedByIdentifier: 3, updated: 0, identifierConflicts: [] });
      const expected = [`gleif:${heronLei} + wikidata:Q930001`, 'sec:0004444444 + wikidata:Q930002', 'sec:0005555555 + wikidata:Q930003'];
      expect(await groupings()).toEqual(expected);
      // Provenance stays per record, and the company keeps the first record's name and id.
      const heron = (await openDataCompanies()).find((company) => company.id === `lei:${heronLei}`);
      expect(heron).toMatchObject({ name: 'Heron Verwaltungs AG', country: 'DE', other_names: ['Heron Group'] });
      expect(heron?.provenance.map((entry) => [entry.source, entry.sourceId])).toEqual([
        ['gleif', heronLei],
        ['wikidata', 'Q930001'],
      ]);
      // Re-imports update in place: nothing merges again, nothing is duplicated.
      expect(await importFile('wikidata', 'wikidata-2.csv', items)).toMatchObject({ upserted: 3, created: 0, merged: 0, mergedByIdentifier: 0, updated: 3 });
      expect(await importFile('gleif', 'gleif-2.csv', gleifFile([heronLei, 'Heron Verwaltungs AG', 'DE']))).toMatchObject({ created: 0, merged: 0, updated: 1 });
      expect(await groupings()).toEqual(expected);
    });

    it('the other direction: GLEIF and SEC records find the company of the Wikidata item carrying their LEI or CIK', async () => {
      await emptyMaster();
      expect(await importFile('wikidata', 'wikidata.csv', wikidataFile(`Q930001,Heron Group,,Austria,holding,,${heronLei},`, 'Q930002,Greylag,,United States of America,,,,0004444444'))).toMatchObject({ created: 2 });
      expect(await importFile('gleif', 'gleif.csv', gleifFile([heronLei, 'Heron Verwaltungs AG', 'DE']))).toMatchObject({ created: 0, merged: 1, mergedByIdentifier: 1 });
      expect(await importFile('sec', 'company_tickers.json', secFile([4444444, 'GREYLAG INDUSTRIES INC']))).toMatchObject({ created: 0, merged: 1, mergedByIdentifier: 1 });
      expect(await groupings()).toEqual([`gleif:${heronLei} + wikidata:Q930001`, 'sec:0004444444 + wikidata:Q930002']);
    });

    it('an item repeated with two LEIs (a SPARQL export repeats an item per value) is found by either', async () => {
      await emptyMaster();
      const secondLei = withCheckDigits('HERONIDMERGE000003');
      await importFile('wikidata', 'wikidata.csv', wikidataFile(`Q930001,Heron Group,,Austria,holding,,${heronLei},`, `Q930001,Heron Group,,Austria,holding,,${secondLei},`));
      expect(await importFile('gleif', 'gleif.csv', gleifFile([secondLei, 'Heron Finanz GmbH', 'DE']))).toMatchObject({ created: 0, merged: 1, mergedByIdentifier: 1 });
      expect(await groupings()).toEqual([`gleif:${secondLei} + wikidata:Q930001`]);
      expect((await openDataCompanies())[0]?.firmographics).toMatchObject({ lei: `${heronLei}; ${secondLei}` });
    });

    it('an LEI naming one company and a CIK another merges into neither and is reported; another LEI keeps a same-named company apart', async () => {
      await emptyMaster();
      const otherLei = withCheckDigits('HERONIDMERGE000002');
      await importFile('gleif', 'gleif.csv', gleifFile([heronLei, 'Heron Verwaltungs AG', 'DE']));
      await importFile('sec', 'company_tickers.json', secFile([4444444, 'GREYLAG INDUSTRIES INC']));
      const items = wikidataFile(
        `Q930009,Heron Greylag,,United States of America,,,${heronLei},4444444`,
        // GLEIF's name and country, but another LEI: another legal entity, not merged by name.
        `Q930010,Heron Verwaltungs AG,,Germany,,,${otherLei},`,
      );
      const result = await importFile('wikidata', 'wikidata.csv', items);
      expect(result).toMatchObject({ created: 2, merged: 0, mergedByIdentifier: 0 });
      expect(result.identifierConflicts).toEqual([
        { line: 2, reason: `Q930009: its identifiers name different companies (lei:${heronLei} → company lei:${heronLei}; cik:0004444444 → company cik:0004444444): merged into neither, imported as a company of its own` },
      ]);
      const expected = [`gleif:${heronLei}`, 'sec:0004444444', 'wikidata:Q930009', 'wikidata:Q930010'];
      expect(await groupings()).toEqual(expected);
      // A re-import updates the conflicting item where it is, nothing merged, and says again why.
      const again = await importFile('wikidata', 'wikidata-2.csv', items);
      expect(again).toMatchObject({ updated: 2, merged: 0, companiesJoined: [] });
      expect(again.identifierConflicts).toEqual([
        { line: 2, reason: `Q930009: its identifiers name different companies (lei:${heronLei} → company lei:${heronLei}; cik:0004444444 → company cik:0004444444), and it is part of company wikidata:Q930009: the companies are not merged` },
      ]);
      expect(await groupings()).toEqual(expected);
    });

    it('a Wikidata item imported without its LEI and CIK, then re-imported with them, joins the GLEIF and SEC companies as a fresh import would; what named the merged companies follows', async () => {
      await emptyMaster();
      const plain = wikidataFile('Q930001,Heron Group,https://heron-group.at,Austria,holding,,,', 'Q930002,Greylag,,United States of America,,,,');
      const identified = wikidataFile(`Q930001,Heron Group,https://heron-group.at,Austria,holding,,${heronLei},`, 'Q930002,Greylag,,United States of America,,,,4444444');
      expect(await importFile('wikidata', 'wikidata.csv', plain)).toMatchObject({ created: 2 });
      expect(await importFile('gleif', 'gleif.csv', gleifFile([heronLei, 'Heron Verwaltungs AG', 'DE']))).toMatchObject({ created: 1, merged: 0 });
      expect(await importFile('sec', 'company_tickers.json', secFile([4444444, 'GREYLAG INDUSTRIES INC']))).toMatchObject({ created: 1, merged: 0 });
      expect(await groupings()).toEqual([`gleif:${heronLei}`, 'sec:0004444444', 'wikidata:Q930001', 'wikidata:Q930002']);

      // An org's rows naming the GLEIF and SEC companies (which the re-import merges away).
      const { orgId } = await createTestOrg(own.database);
      await own.database.query(`INSERT INTO crm_account_companies (org_id, provider, external_id, company_id) VALUES ($1, 'salesforce', 'acc-1', $2), ($1, 'salesforce', 'acc-2', 'cik:0004444444')`, [orgId, `lei:${heronLei}`]);
      await own.database.query(`INSERT INTO segment_source_companies (org_id, source_key, company_id) VALUES ($1, 'upload:l1', $2), ($1, 'upload:l1', 'wikidata:Q930001'), ($1, 'upload:l2', $2)`, [orgId, `lei:${heronLei}`]);
      const [batch] = await own.database.query<{ id: string }>('INSERT INTO match_batches (org_id) VALUES ($1) RETURNING id', [orgId]);
      await own.database.query(
        `INSERT INTO match_results (org_id, batch_id, row_index, row_id, status, company_id, candidates) VALUES ($1, $2, 0, 'r0', 'matched', $3, $4::jsonb), ($1, $2, 1, 'r1', 'unmatched', NULL, $5::jsonb)`,
        [orgId, batch?.id, `lei:${heronLei}`, JSON.stringify([{ companyId: `lei:${heronLei}`, score: 0.9 }]), JSON.stringify([{ companyId: 'wikidata:Q930001', score: 0.5 }, { companyId: `lei:${heronLei}`, score: 0.4 }, { companyId: 'wikidata:Q930002', score: 0.3 }])],
      );

      // A re-import that breaks after joining the companies (a file cut inside a quoted field) leaves all as it was.
      const referencesNow = () => own.database.query('SELECT company_id FROM crm_account_companies WHERE org_id = $1 ORDER BY external_id', [orgId]);
      const referencesBefore = await referencesNow();
      const cutShort = (async function* () {
        // More than a batch (2,000 rows) first: the items' batch is written, and the companies joined, before the break.
        yield parseCsv([identified, ...Array.from({ length: 2000 }, (_, n) => `Q${940000 + n},Filler ${n},,Germany,,,,`)].join('\n'));
        yield parseCsv('Q930003,"Cut');
      })();
      await expect(importOpenData({ format: 'wikidata', chunks: cutShort, file: 'cut.csv', importedAt: new Date() }, { db: own.database.db })).rejects.toThrow(/unterminated|quote/i);
      expect(await groupings()).toEqual([`gleif:${heronLei}`, 'sec:0004444444', 'wikidata:Q930001', 'wikidata:Q930002']);
      expect(await referencesNow()).toEqual(referencesBefore);

      const result = await importFile('wikidata', 'wikidata-2.csv', identified);
      expect(result).toMatchObject({ upserted: 2, created: 0, merged: 0, updated: 2, identifierConflicts: [] });
      expect(result.companiesJoined).toEqual([
        { line: 2, reason: `Q930001: lei:${heronLei} → company lei:${heronLei}: company lei:${heronLei} merged into company wikidata:Q930001` },
        { line: 3, reason: 'Q930002: cik:0004444444 → company cik:0004444444: company cik:0004444444 merged into company wikidata:Q930002' },
      ]);
      const expected = [`gleif:${heronLei} + wikidata:Q930001`, 'sec:0004444444 + wikidata:Q930002'];
      expect(await groupings()).toEqual(expected);
      const afterReimport = await comparable();

      // Every row that named a merged-away company names the survivor (a list's company once).
      expect(await own.database.query('SELECT external_id, company_id FROM crm_account_companies WHERE org_id = $1 ORDER BY external_id', [orgId])).toEqual([
        { external_id: 'acc-1', company_id: 'wikidata:Q930001' },
        { external_id: 'acc-2', company_id: 'wikidata:Q930002' },
      ]);
      expect(await own.database.query('SELECT source_key, company_id FROM segment_source_companies WHERE org_id = $1 ORDER BY source_key', [orgId])).toEqual([
        { source_key: 'upload:l1', company_id: 'wikidata:Q930001' },
        { source_key: 'upload:l2', company_id: 'wikidata:Q930001' },
      ]);
      expect(await own.database.query('SELECT row_id, company_id, candidates FROM match_results WHERE org_id = $1 ORDER BY row_index', [orgId])).toEqual([
        { row_id: 'r0', company_id: 'wikidata:Q930001', candidates: [{ companyId: 'wikidata:Q930001', score: 0.9 }] },
        { row_id: 'r1', company_id: null, candidates: [{ companyId: 'wikidata:Q930001', score: 0.5 }, { companyId: 'wikidata:Q930002', score: 0.3 }] },
      ]);

      // A fresh import of the files (the items with their identifiers first) makes the same companies.
      await emptyMaster();
      await importFile('wikidata', 'wikidata.csv', identified);
      await importFile('gleif', 'gleif.csv', gleifFile([heronLei, 'Heron Verwaltungs AG', 'DE']));
      await importFile('sec', 'company_tickers.json', secFile([4444444, 'GREYLAG INDUSTRIES INC']));
      expect(await comparable()).toEqual(afterReimport);

      // Re-importing again changes nothing and joins nothing.
      expect(await importFile('wikidata', 'wikidata-3.csv', identified)).toMatchObject({ updated: 2, companiesJoined: [], identifierConflicts: [] });
      expect(await comparable()).toEqual(afterReimport);
    });

    it('the other direction: a GLEIF or SEC re-import joins the company of the Wikidata item carrying its LEI or CIK', async () => {
      await emptyMaster();
      await importFile('gleif', 'gleif.csv', gleifFile([heronLei, 'Heron Verwaltungs AG', 'DE']));
      await importFile('sec', 'company_tickers.json', secFile([4444444, 'GREYLAG INDUSTRIES INC']));
      await importFile('wikidata', 'wikidata.csv', wikidataFile('Q930001,Heron Group,,Austria,holding,,,', 'Q930002,Greylag,,United States of America,,,,'));
      // As a re-import of the items with their identifiers left them before such re-imports merged companies.
      await own.database.query(`UPDATE company_sources SET identifiers = ARRAY[$1] WHERE source = 'wikidata' AND source_id = 'Q930001'`, [`lei:${heronLei}`]);
      await own.database.query(`UPDATE company_sources SET identifiers = ARRAY['cik:0004444444'] WHERE source = 'wikidata' AND source_id = 'Q930002'`);
      await own.database.query(`INSERT INTO company_source_keys (key, source, source_id) VALUES ($1, 'wikidata', 'Q930001'), ('cik:0004444444', 'wikidata', 'Q930002')`, [`lei:${heronLei}`]);
      expect(await groupings()).toEqual([`gleif:${heronLei}`, 'sec:0004444444', 'wikidata:Q930001', 'wikidata:Q930002']);
      const expected = [`gleif:${heronLei} + wikidata:Q930001`, 'sec:0004444444 + wikidata:Q930002'];
      expect(await importFile('gleif', 'gleif-2.csv', gleifFile([heronLei, 'Heron Verwaltungs AG', 'DE']))).toMatchObject({ updated: 1, companiesJoined: [{ line: 2 }] });
      expect(await importFile('sec', 'company_tickers-2.json', secFile([4444444, 'GREYLAG INDUSTRIES INC']))).toMatchObject({ updated: 1, companiesJoined: [{ line: 1 }] });
      expect(await groupings()).toEqual(expected);
    });

    it('a re-imported identifier naming a company that already holds a record of the set is a conflict: nothing merged, nothing lost', async () => {
      await emptyMaster();
      const otherLei = withCheckDigits('HERONIDMERGE000002');
      await importFile('gleif', 'gleif.csv', gleifFile([heronLei, 'Heron Verwaltungs AG', 'DE'], [otherLei, 'Heron Beteiligungs GmbH', 'DE']));
      // Q930001 joins Heron Verwaltungs by its LEI, Q930005 (no LEI yet) Heron Beteiligungs by name and country.
      await importFile('wikidata', 'wikidata.csv', wikidataFile(`Q930001,Heron Group,,Austria,holding,,${heronLei},`, 'Q930005,Heron Beteiligungs GmbH,,Germany,holding,,,'));
      const before = await groupings();
      expect(before).toEqual([`gleif:${heronLei} + wikidata:Q930001`, `gleif:${otherLei} + wikidata:Q930005`]);
      // Q930005 now carries Heron Verwaltungs' LEI: its company holds another GLEIF record (and the other a Wikidata item).
      const result = await importFile('wikidata', 'wikidata-2.csv', wikidataFile(`Q930001,Heron Group,,Austria,holding,,${heronLei},`, `Q930005,Heron Beteiligungs GmbH,,Germany,holding,,${heronLei},`));
      expect(result).toMatchObject({ updated: 2, companiesJoined: [] });
      expect(result.identifierConflicts).toEqual([
        { line: 3, reason: `Q930005: lei:${heronLei} → company lei:${heronLei}, but both companies hold a gleif and wikidata record (company lei:${otherLei} and company lei:${heronLei}): the companies are not merged` },
      ]);
      expect(await groupings()).toEqual(before);
    });

    it('GLEIF and SEC records imported before migration 0934 get their identifiers', async () => {
      await emptyMaster();
      await importFile('gleif', 'gleif.csv', gleifFile([heronLei, 'Heron Verwaltungs AG', 'DE']));
      // As 0933 left them: no identifiers, no identifier keys.
      await own.database.query("UPDATE company_sources SET identifiers = '{}'");
      await own.database.query("DELETE FROM company_source_keys WHERE key LIKE 'lei:%' OR key LIKE 'cik:%'");
      const migration = readFileSync(path.join(import.meta.dirname, '../../../adapters/db/migrations/0934_company_source_identifiers.sql'), 'utf8');
      await own.database.execScript(migration.slice(migration.indexOf('-- Records imported before')));
      expect(await importFile('wikidata', 'wikidata.csv', wikidataFile(`Q930001,Heron Group,,Austria,holding,,${heronLei},`))).toMatchObject({ merged: 1, mergedByIdentifier: 1 });
      expect(await groupings()).toEqual([`gleif:${heronLei} + wikidata:Q930001`]);
    });
  });

  it('the matcher finds a company by its GLEIF trading name, once', async () => {
    await emptyMaster();
    await importFile('gleif');
    await importFile('wikidata');
    const { orgId } = await createTestOrg(own.database);
    const { results } = await matchAccountsForOrg(
      {
        orgId,
        records: [
          { rowId: 'trading-name', name: 'Kestrel Foods', country: 'Germany' },
          { rowId: 'legal-name', name: 'Kestrel Lebensmittel GmbH', country: 'DE' },
          // The trading name in another country is not the company.
          { rowId: 'other-country', name: 'Kestrel Foods', country: 'US' },
        ],
      },
      { db: own.database.db },
    );
    expect(results.map((result) => [result.rowId, result.status, result.companyId])).toEqual([
      ['trading-name', 'matched', kestrelLei],
      ['legal-name', 'duplicate', kestrelLei],
      ['other-country', 'unmatched', null],
    ]);
  });
});

/** An LEI of 18 characters plus its ISO 17442 (MOD 97-10) check digits. */
function withCheckDigits(base: string): string {
  const digits = [...`${base}00`].map((character) => Number.parseInt(character, 36)).join('');
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return `${base}${String(98 - remainder).padStart(2, '0')}`;
}
