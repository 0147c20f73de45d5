import { describe, expect, it } from 'vitest';
import { masterCompaniesVersion } from '../../../adapters/db/repositories/masterCompaniesVersion';
import { parseCsv } from '../../../domain/matching/csv';
import { testDatabaseKinds } from '../../../test/databases';
import { useOwnTestDatabase } from '../../../test/ownTestDatabase';
import { importOpenData } from './importOpenData';
import { csvChunks, sample } from './openDataSamples';
import { readSecTickerEntries } from './readSecTickers';

// A database of the file's own on each test database (openOwnTestDatabase): the sample companies' ids (lei:…, cik:…,
// wikidata:Q…) are the data sets' own, and the tests empty the open data part of the master. Each data set is read into an empty master here (records of the same
// company in several data sets are merged: mergeOpenData.int.test.ts).

const importedAt = new Date('2026-12-01T10:00:00Z');

async function* textChunks(text: string) {
  // Small pieces: entries and strings are cut across chunks.
  for (let start = 0; start < text.length; start += 7) yield text.slice(start, start + 7);
}

interface StoredCompany {
  id: string;
  name: string;
  domain: string | null;
  country: string | null;
  city: string | null;
  industry: string | null;
  employee_range: string | null;
  firmographics: Record<string, string>;
  other_names: string[];
  provenance: Record<string, string>[] | null;
}

describe.each(testDatabaseKinds())('open data imports (%s)', (kind) => {
  const own = useOwnTestDatabase(kind);
  /** The companies of the data sets imported before (their records go with them). */
  const emptyMaster = () => own.database.query('DELETE FROM companies WHERE org_id IS NULL AND provenance IS NOT NULL');

  const companiesLike = (prefix: string) =>
    own.database.query<StoredCompany>('SELECT id, name, domain, country, city, industry, employee_range, firmographics, other_names, provenance FROM companies WHERE id LIKE $1 ORDER BY id', [`${prefix}%`]);

  it('imports the GLEIF golden copy: legal name, country, city, other names and legal form, with provenance; bad LEIs and nameless rows are reported', async () => {
    await emptyMaster();
    const result = await importOpenData({ format: 'gleif', chunks: csvChunks(sample('gleif-golden-copy-sample.csv')), file: 'gleif.csv', importedAt }, { db: own.database.db });
    expect(result.upserted).toBe(3);
    expect(result.rejected).toEqual([
      { line: 5, reason: 'LEI "NOTANLEI0000000000XX" is not a valid LEI (20 characters with ISO 17442 check digits)' },
      { line: 6, reason: 'Entity.LegalName is empty for LEI 894500WOTA5040KH9N28' },
    ]);
    const rows = await companiesLike('lei:');
    expect(rows.map((row) => [row.id, row.name, row.country, row.city])).toEqual([
      ['lei:2138003EK6R8JZ8FPA48', 'Orbital Data Systems plc', 'GB', 'London'],
      ['lei:5493001KJTIIGC8Y1R12', 'Brightwater Holdings Corporation', 'US', 'Wilmington'],
      ['lei:9695005MSX1OYEMGDF46', 'Kestrel Lebensmittel GmbH', 'DE', 'Hamburg'],
    ]);
    expect(rows[2]?.firmographics).toEqual({ lei: '9695005MSX1OYEMGDF46', legal_form_code: '2HBR', entity_status: 'ACTIVE' });
    expect(rows[2]?.other_names).toEqual(['Kestrel Foods', 'Kestrel Nahrung GmbH']);
    expect(rows[2]?.provenance).toEqual([{ source: 'gleif', sourceId: '9695005MSX1OYEMGDF46', dataset: 'GLEIF LEI golden copy', licence: 'CC0 1.0', file: 'gleif.csv', importedAt: '2026-12-01T10:00:00.000Z' }]);
    expect(result).toMatchObject({ created: 3, merged: 0, updated: 0 });
  });

  it('imports SEC company_tickers.json, one company per CIK with all its tickers, streamed in small pieces', async () => {
    await emptyMaster();
    const result = await importOpenData({ format: 'sec', entries: readSecTickerEntries(textChunks(sample('sec-company-tickers-sample.json'))), file: 'company_tickers.json', importedAt }, { db: own.database.db });
    expect(result.upserted).toBe(4);
    expect(result.rejected).toEqual([
      { line: 6, reason: 'cik_str "not-a-cik" is not a CIK (a number of up to 10 digits)' },
      { line: 7, reason: 'title is empty for CIK 3333333' },
    ]);
    const rows = await companiesLike('cik:');
    expect(rows.map((row) => [row.id, row.name, row.firmographics.tickers])).toEqual([
      ['cik:0000320193', 'Apple Inc.', 'AAPL'],
      ['cik:0001067983', 'BERKSHIRE HATHAWAY INC', 'BRK-B; BRK-A'],
      ['cik:0001111111', 'KESTREL FOODS CO /NEW/', 'KSTF'],
      ['cik:0002222222', 'BRIGHTWATER HOLDINGS CORP /DE/', 'BWH'],
    ]);
    expect(rows[0]?.provenance).toMatchObject([{ source: 'sec', sourceId: '0000320193', licence: 'Public domain (U.S. government work)' }]);
  });

  it('imports a Wikidata export: entity URIs, country labels, websites as domains, employee counts as bands; repeated items merged', async () => {
    await emptyMaster();
    const result = await importOpenData({ format: 'wikidata', chunks: csvChunks(sample('wikidata-companies-sample.csv')), file: 'wikidata.csv', importedAt }, { db: own.database.db });
    expect(result.upserted).toBe(8);
    expect(result.rejected).toEqual([
      { line: 7, reason: 'qid "Q12x" is not a Wikidata item id (Q followed by digits)' },
      { line: 8, reason: 'name is empty for Q900005' },
    ]);
    const rows = await companiesLike('wikidata:');
    expect(rows.map((row) => [row.id, row.name, row.domain, row.country, row.industry, row.employee_range]).slice(0, 4)).toEqual([
      ['wikidata:Q900001', 'Orbital Data Systems', 'orbitaldata.co.uk', 'GB', 'software industry', '1001-5000'],
      ['wikidata:Q900002', 'Kestrel Foods', 'kestrelfoods.com', 'DE', 'food industry', '10001+'],
      ['wikidata:Q900003', 'Lawson J K Transport', null, 'US', 'transport', '51-200'],
      ['wikidata:Q900004', 'Atlantis Trading Company', 'atlantistrading.com', null, 'trade', '11-50'],
    ]);
    // An unknown country is kept as the data set wrote it, not lost.
    expect(rows[3]?.firmographics).toEqual({ qid: 'Q900004', country_label: 'Atlantis', employees: '12' });
    expect(rows[0]?.provenance).toMatchObject([{ source: 'wikidata', sourceId: 'Q900001', file: 'wikidata.csv' }]);
    // The item's second website is one of its other domains.
    expect((await own.database.query<{ other_domains: string[] }>("SELECT other_domains FROM companies WHERE id = 'wikidata:Q900002'"))[0]?.other_domains).toEqual(['kestrel-foods.de']);
    // The optional lei and cik columns (CIK padded to 10 digits) are kept with the item.
    expect(rows.find((row) => row.id === 'wikidata:Q900006')?.firmographics).toMatchObject({ lei: '5493001KJTIIGC8Y1R12', cik: '0002222222' });
    expect(rows.find((row) => row.id === 'wikidata:Q900009')?.firmographics).toMatchObject({ cik: '0001111111' });
  });

  it('updates companies in place on a re-import, and bumps the master version', async () => {
    const before = await masterCompaniesVersion(own.database.db);
    const renamed = sample('wikidata-companies-sample.csv').replace('Lawson J K Transport,,', 'J.K. Lawson Transport,https://jklawson.com,');
    const result = await importOpenData({ format: 'wikidata', chunks: csvChunks(renamed), file: 'wikidata-2.csv', importedAt: new Date('2026-12-02T10:00:00Z') }, { db: own.database.db });
    expect(result).toMatchObject({ upserted: 8, created: 0, merged: 0, updated: 8 });
    const rows = await companiesLike('wikidata:');
    expect(rows).toHaveLength(8);
    expect(rows[2]).toMatchObject({ id: 'wikidata:Q900003', name: 'J.K. Lawson Transport', domain: 'jklawson.com', provenance: [{ file: 'wikidata-2.csv', importedAt: '2026-12-02T10:00:00.000Z' }] });
    expect(await masterCompaniesVersion(own.database.db)).not.toBe(before);
  });

  it('writes nothing when the file turns out malformed after rows were already read', async () => {
    const before = await masterCompaniesVersion(own.database.db);
    const entries = Array.from({ length: 4500 }, (_, n) => `"${n}":{"cik_str":${9_000_000 + n},"ticker":"T${n}","title":"Streamed Company ${n} Inc"}`);
    // Cut short: the last entry never closes.
    const truncated = `{${entries.join(',')},"4500":{"cik_str":9999999,"ticker":"X","title":"Cut`;
    await expect(importOpenData({ format: 'sec', entries: readSecTickerEntries(textChunks(truncated)), file: 'cut.json', importedAt }, { db: own.database.db })).rejects.toThrow(/ends before its closing brace \(line 1\): the file is cut short/);
    expect(await companiesLike('cik:0009')).toEqual([]);
    // A GLEIF file that breaks the CSV format after 2,500 good rows (more than one batch already upserted): none is kept.
    const header = sample('gleif-golden-copy-sample.csv').split('\n')[0] ?? '';
    const goodRows = Array.from({ length: 2500 }, (_, n) => `"${withCheckDigits(`HALFWRITTEN${String(n).padStart(7, '0')}`)}","Half Written ${n} Ltd","en","","","","","","","","Leeds","","GB","","GB","","","ACTIVE","ISSUED"`);
    const chunks = (async function* () {
      yield parseCsv([header, ...goodRows].join('\n'));
      yield parseCsv('"2549000000000000001","Unclosed quote Ltd,"US');
    })();
    await expect(importOpenData({ format: 'gleif', chunks, file: 'broken.csv', importedAt }, { db: own.database.db })).rejects.toThrow();
    expect(await companiesLike('lei:HALFWRITTEN')).toEqual([]);
    expect(await masterCompaniesVersion(own.database.db)).toBe(before);
  });

  it('a file repeating an id merges the rows into one record, in one batch or far apart, and says so; nothing of the earlier row is lost', async () => {
    await emptyMaster();
    const filler = Array.from({ length: 2100 }, (_, n) => `Q${950000 + n},Filler Company ${n},,Germany,,,,`);
    const lei = withCheckDigits('REPEATEDITEM000001');
    const text = [
      'qid,name,website,country,industry,employees,lei,cik',
      'Q949999,Repeated Works,https://repeated-works.com,Germany,machinery,120,,',
      'Q949999,Repeated Works,https://repeated.de,Germany,,,,',
      ...filler,
      // 2,100 rows later (another batch): another website and the item's LEI.
      `Q949999,Repeated Works AG,https://repeated-works.eu,Austria,tools,9000,${lei},`,
    ].join('\n');
    const result = await importOpenData({ format: 'wikidata', chunks: csvChunks(text), file: 'repeats.csv', importedAt }, { db: own.database.db });
    expect(result).toMatchObject({ upserted: 2101, created: 2101, updated: 0, repeated: 2 });
    expect(result.repeatedRows).toEqual([
      { line: 3, reason: "Q949999 repeats line 2: merged into it (the earlier row's values kept, other websites, names and identifiers added)" },
      { line: 2104, reason: "Q949999 repeats an earlier row of this file: merged into it (the earlier row's values kept, other websites, names and identifiers added)" },
    ]);
    const [company] = await own.database.query<StoredCompany & { other_domains: string[] }>("SELECT id, name, domain, other_domains, country, industry, employee_range, firmographics FROM companies WHERE id = 'wikidata:Q949999'");
    expect(company).toMatchObject({ name: 'Repeated Works', domain: 'repeated-works.com', other_domains: ['repeated.de', 'repeated-works.eu'], country: 'DE', industry: 'machinery', employee_range: '51-200' });
    expect(company?.firmographics).toMatchObject({ qid: 'Q949999', lei, employees: '120' });
    // The record carries the LEI (a GLEIF import finds the item by it).
    expect(await own.database.query("SELECT key FROM company_source_keys WHERE source = 'wikidata' AND source_id = 'Q949999' AND key LIKE 'lei:%'")).toEqual([{ key: `lei:${lei}` }]);
    // The same file again is a re-import: every record updated in place, the repeats merged as before.
    const again = await importOpenData({ format: 'wikidata', chunks: csvChunks(text), file: 'repeats.csv', importedAt: new Date('2026-12-02T10:00:00Z') }, { db: own.database.db });
    expect(again).toMatchObject({ upserted: 2101, created: 0, updated: 2101, repeated: 2 });
    expect((await own.database.query("SELECT domain, other_domains FROM companies WHERE id = 'wikidata:Q949999'"))[0]).toEqual({ domain: 'repeated-works.com', other_domains: ['repeated.de', 'repeated-works.eu'] });
  });

  it('re-imports update in place in each format: changed values replace the old ones, values gone from the file go, other domains follow the file', async () => {
    await emptyMaster();
    const gleif = sample('gleif-golden-copy-sample.csv');
    const sec = sample('sec-company-tickers-sample.json');
    const wikidata = sample('wikidata-companies-sample.csv');
    await importOpenData({ format: 'gleif', chunks: csvChunks(gleif), file: 'gleif.csv', importedAt }, { db: own.database.db });
    await importOpenData({ format: 'sec', entries: readSecTickerEntries(textChunks(sec)), file: 'sec.json', importedAt }, { db: own.database.db });
    await importOpenData({ format: 'wikidata', chunks: csvChunks(wikidata), file: 'wikidata.csv', importedAt }, { db: own.database.db });
    const before = await own.database.query<{ id: string }>('SELECT id FROM companies WHERE org_id IS NULL AND provenance IS NOT NULL ORDER BY id');
    const next = new Date('2026-12-02T10:00:00Z');
    // GLEIF: Kestrel moved to Bremen and dropped its previous name.
    const gleif2 = gleif.replace('"Kestrel Nahrung GmbH","de","PREVIOUS_LEGAL_NAME","Hafenstraße 12","Hamburg","DE-HH"', '"","","","Hafenstraße 12","Bremen","DE-HB"');
    expect(await importOpenData({ format: 'gleif', chunks: csvChunks(gleif2), file: 'gleif-2.csv', importedAt: next }, { db: own.database.db })).toMatchObject({ upserted: 3, created: 0, updated: 3 });
    // SEC: Apple renamed, its ticker gone.
    const sec2 = sec.replace('"cik_str":320193,"ticker":"AAPL","title":"Apple Inc."', '"cik_str":320193,"title":"Apple Computer Inc."');
    expect(await importOpenData({ format: 'sec', entries: readSecTickerEntries(textChunks(sec2)), file: 'sec-2.json', importedAt: next }, { db: own.database.db })).toMatchObject({ upserted: 4, created: 0, updated: 4 });
    // Wikidata: Orbital Data Systems (Ireland) gets a website; Kestrel Foods' second website changes.
    const wikidata2 = wikidata.replace('Q900008,Orbital Data Systems,,', 'Q900008,Orbital Data Systems,https://orbitaldata.ie,').replace('https://kestrel-foods.de', 'https://kestrelfoods.de');
    expect(await importOpenData({ format: 'wikidata', chunks: csvChunks(wikidata2), file: 'wikidata-2.csv', importedAt: next }, { db: own.database.db })).toMatchObject({ upserted: 8, created: 0, updated: 8 });
    expect(await own.database.query<{ id: string }>('SELECT id FROM companies WHERE org_id IS NULL AND provenance IS NOT NULL ORDER BY id')).toEqual(before);
    const company = async (id: string) => (await own.database.query<StoredCompany & { other_domains: string[] }>('SELECT id, name, domain, other_domains, city, region, firmographics, other_names, provenance FROM companies WHERE id = $1', [id]))[0];
    expect(await company('lei:9695005MSX1OYEMGDF46')).toMatchObject({ city: 'Bremen', region: 'DE-HB', other_names: ['Kestrel Foods'], domain: 'kestrelfoods.com', other_domains: ['kestrelfoods.de'] });
    const apple = await company('cik:0000320193');
    expect(apple).toMatchObject({ name: 'Apple Computer Inc.', provenance: [{ file: 'sec-2.json' }] });
    expect(apple?.firmographics).toEqual({ cik: '0000320193' });
    expect(await company('wikidata:Q900008')).toMatchObject({ domain: 'orbitaldata.ie', other_domains: [] });
  });

  it('says when a Wikidata export gives countries or industries as entity URIs (the query selected ?country, not ?countryLabel)', async () => {
    await emptyMaster();
    const text = 'item,itemLabel,country,industry\nhttp://www.wikidata.org/entity/Q960001,Uri Country GmbH,http://www.wikidata.org/entity/Q183,http://www.wikidata.org/entity/Q880371\nQ960002,Plain Country GmbH,Germany,software\n';
    const result = await importOpenData({ format: 'wikidata', chunks: csvChunks(text), file: 'uris.csv', importedAt }, { db: own.database.db });
    expect(result).toMatchObject({ upserted: 2, rejected: [] });
    expect(result.warnings).toEqual([
      '1 rows give their country as a Wikidata item URI (such as http://www.wikidata.org/entity/Q183), not its name: those companies have no country (kept as written in firmographics country_label), so other data sets and account lists match them by name only with difficulty. Export ?countryLabel or the ISO 3166 code (P297) instead and import again (the companies are updated in place).',
      '1 rows give their industry as a Wikidata item URI (such as http://www.wikidata.org/entity/Q183), not its name: the URI is stored as the industry. Export ?industryLabel instead and import again (the companies are updated in place).',
    ]);
    expect((await importOpenData({ format: 'wikidata', chunks: csvChunks(sample('wikidata-companies-sample.csv')), file: 'w.csv', importedAt }, { db: own.database.db })).warnings).toEqual([]);
  });

  it('refuses a file of another format with what it expected', async () => {
    await expect(importOpenData({ format: 'gleif', chunks: csvChunks('company_id,name\n1,Acme\n'), file: 'x.csv', importedAt }, { db: own.database.db })).rejects.toThrow(
      'this is not a GLEIF LEI golden-copy CSV: the header has no LEI or Entity.LegalName column (found: company_id, name)',
    );
    await expect(importOpenData({ format: 'sec', entries: readSecTickerEntries(textChunks('[{"cik_str":1}]')), file: 'x.json', importedAt }, { db: own.database.db })).rejects.toThrow(
      'this is not SEC company_tickers.json (an object of {"cik_str", "ticker", "title"} entries): the file is a JSON array on line 1',
    );
    await expect(importOpenData({ format: 'sec', entries: readSecTickerEntries(textChunks('{"fields":["cik","name"],"data":[]}')), file: 'x.json', importedAt }, { db: own.database.db })).rejects.toThrow(
      'this looks like SEC company_tickers_exchange.json (a "fields"/"data" layout), not company_tickers.json: import https://www.sec.gov/files/company_tickers.json instead (line 1)',
    );
    await expect(importOpenData({ format: 'sec', entries: readSecTickerEntries(textChunks('{"0": 320193}')), file: 'x.json', importedAt }, { db: own.database.db })).rejects.toThrow(/the value of "0" is not an entry object/);
    await expect(importOpenData({ format: 'wikidata', chunks: csvChunks('item,label\nQ1,x\n'), file: 'x.csv', importedAt }, { db: own.database.db })).rejects.toThrow(/this is not a Wikidata company export: the header has no name column/);
  });
});

/** An LEI of 18 characters plus its ISO 17442 (MOD 97-10) check digits. */
function withCheckDigits(base: string): string {
  const digits = [...`${base}00`].map((character) => Number.parseInt(character, 36)).join('');
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return `${base}${String(98 - remainder).padStart(2, '0')}`;
}
