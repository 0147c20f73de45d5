import { describe, expect, it } from 'vitest';
import { employeeRange, gleifColumns, gleifCompany, isValidLei, secCompany, wikidataColumns, wikidataCompany } from './openDataFormats';
import { readSecTickerEntries } from './readSecTickers';

describe('open data formats', () => {
  it.each([
    ['HWUPKR0MPOU8FGXBT394', true],
    ['hwupkr0mpou8fgxbt394', false],
    ['HWUPKR0MPOU8FGXBT395', false],
    ['HWUPKR0MPOU8FGXBT39', false],
    ['529900NNUPAGGOMPXZ31', true],
  ])('LEI %s valid: %s', (lei, expected) => {
    expect(isValidLei(lei)).toBe(expected);
  });

  it.each([
    [0, '1-10'],
    [10, '1-10'],
    [11, '11-50'],
    [200, '51-200'],
    [1000, '501-1000'],
    [10000, '5001-10000'],
    [10001, '10001+'],
  ])('%i employees are in band %s', (employees, band) => {
    expect(employeeRange(employees)).toBe(band);
  });

  it('puts a name (or city) with quoted line breaks on one line, in every format', () => {
    const importedAt = '2026-12-01T00:00:00.000Z';
    const wikidata = wikidataCompany(wikidataColumns(['qid', 'name']), ['Q42', 'Example\r\n  Works \nGroup'], 'w.csv', importedAt);
    expect(wikidata).toMatchObject({ isValid: true, company: { name: 'Example Works Group' } });
    const gleif = gleifCompany(gleifColumns(['LEI', 'Entity.LegalName', 'Entity.LegalAddress.City']), ['HWUPKR0MPOU8FGXBT394', 'Example\nWorks SA', 'Saint-Denis\n'], 'g.csv', importedAt);
    expect(gleif).toMatchObject({ isValid: true, company: { name: 'Example Works SA', city: 'Saint-Denis' } });
    expect(secCompany({ cik_str: 42, ticker: 'EXW', title: 'EXAMPLE\nWORKS INC' }, [], 's.json', importedAt)).toMatchObject({ isValid: true, company: { name: 'EXAMPLE WORKS INC' } });
  });

  it.each(['Q42', 'http://www.wikidata.org/entity/Q42', 'https://www.wikidata.org/wiki/Q42', 'wd:Q42'])('reads the item id %s as Q42', (qid) => {
    expect(wikidataCompany(wikidataColumns(['qid', 'name']), [qid, 'Example Works'], 'w.csv', '2026-12-01T00:00:00.000Z')).toMatchObject({ isValid: true, company: { id: 'wikidata:Q42' } });
  });

  it('reads the query service column names and refuses a header without the required ones', () => {
    const columns = wikidataColumns(['item', 'itemLabel', 'officialWebsite', 'countryLabel', 'industryLabel', 'numberOfEmployees']);
    const result = wikidataCompany(columns, ['http://www.wikidata.org/entity/Q42', 'Example Works', 'https://www.exampleworks.org', 'France', 'publishing', '3'], 'q.csv', '2026-12-01T00:00:00.000Z');
    expect(result).toMatchObject({ isValid: true, company: { id: 'wikidata:Q42', domain: 'exampleworks.org', country: 'FR', employeeRange: '1-10' } });
    expect(() => gleifColumns(['LEI', 'Name'])).toThrow('this is not a GLEIF LEI golden-copy CSV: the header has no Entity.LegalName column (found: LEI, Name)');
  });

  it('reads a Wikidata item’s LEI (P1278) and CIK (P5531, leading zeros optional) into firmographics; a malformed one rejects the row with its reason', () => {
    const columns = wikidataColumns(['qid', 'name', 'website', 'country', 'industry', 'employees', 'lei', 'cik']);
    const row = (lei: string, cik: string) => wikidataCompany(columns, ['Q42', 'Example Works', '', 'US', '', '', lei, cik], 'q.csv', '2026-12-01T00:00:00.000Z');
    expect(row('hwupkr0mpou8fgxbt394', '320193')).toMatchObject({ isValid: true, company: { firmographics: { qid: 'Q42', lei: 'HWUPKR0MPOU8FGXBT394', cik: '0000320193' } } });
    expect(row('', '0000320193')).toMatchObject({ isValid: true, company: { firmographics: { qid: 'Q42', cik: '0000320193' } } });
    expect(row('', '')).toMatchObject({ isValid: true, company: { firmographics: { qid: 'Q42' } } });
    expect(row('HWUPKR0MPOU8FGXBT395', '')).toEqual({ isValid: false, reason: 'lei "HWUPKR0MPOU8FGXBT395" is not a valid LEI (20 characters with ISO 17442 check digits) for Q42' });
    expect(row('', 'CIK320193')).toEqual({ isValid: false, reason: 'cik "CIK320193" is not a CIK (a number of up to 10 digits) for Q42' });
    // The query service's property names are accepted too.
    expect(wikidataColumns(['item', 'itemLabel', 'P1278', 'P5531'])).toMatchObject({ lei: 2, cik: 3 });
  });

  it('reads SEC entries whatever the chunk boundaries, escapes included', async () => {
    const text = '\uFEFF{"0":{"cik_str":1,"ticker":"A","title":"Quote \\" and brace } Corp"},\n "1":{"cik_str":2,"ticker":"B","title":"B Inc"}}\n';
    for (const size of [1, 2, 5, text.length]) {
      const entries: unknown[] = [];
      async function* chunks() {
        for (let start = 0; start < text.length; start += size) yield text.slice(start, start + size);
      }
      for await (const batch of readSecTickerEntries(chunks())) entries.push(...batch);
      expect(entries).toEqual([
        { key: '0', entry: { cik_str: 1, ticker: 'A', title: 'Quote " and brace } Corp' } },
        { key: '1', entry: { cik_str: 2, ticker: 'B', title: 'B Inc' } },
      ]);
    }
  });
});
