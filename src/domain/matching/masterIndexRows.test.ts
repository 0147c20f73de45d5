import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkHash, hashKey } from './hashString';
import { buildMasterIndex, keyPrefix, MasterIndexBuilder } from './masterIndex';
import { normalizeName } from './normalizeName';
import { companyIdOfRow, completenessOfRow, countryOfRow, domainCheckOfRow, rowFields, wordEndOfRow, wordStartOfRow } from './masterIndexRows';
import { mergeMasterIndexParts } from './mergeMasterIndexParts';
import type { MasterCompanyInput } from './types';

const companies: MasterCompanyInput[] = [
  { companyId: 'c-1', name: 'Acme Widgets Ltd', domain: 'https://www.acme.com', country: 'GB', completeness: 7 },
  { companyId: 'société-2', name: 'Bayerische Motoren Werke AG', domain: '', country: 'Germany', completeness: 255 },
  { companyId: 'c-3', name: '', domain: 'gmail.com', country: '', completeness: 300 },
  { companyId: 'c-4', name: 'Acme', domain: 'acme.co.uk', country: 'GB', otherNames: ['Acme Holdings'] },
];

describe('the master index record per company', () => {
  it('holds each row’s words, domain check, id, country and completeness side by side', () => {
    const index = buildMasterIndex(companies);
    const { rows, countryCodes, wordTexts, nameWords } = index;
    expect(index.size).toBe(5);
    expect(rows.length).toBe((index.size + 1) * rowFields);
    const words = (row: number): string[] => Array.from(nameWords.subarray(wordStartOfRow(rows, row), wordEndOfRow(rows, row)), (id) => wordTexts[id] ?? '?');
    expect([0, 1, 2, 3, 4].map((row) => companyIdOfRow(index, row))).toEqual(['c-1', 'société-2', 'c-3', 'c-4', 'c-4']);
    expect([0, 1, 2, 3, 4].map((row) => words(row))).toEqual([['acme', 'widgets'], ['bayerische', 'motoren', 'werke'], [], ['acme'], ['acme', 'holdings']]);
    expect([0, 1, 2, 3, 4].map((row) => countryCodes[countryOfRow(rows, row)])).toEqual(['GB', 'DE', '', 'GB', 'GB']);
    // Clamped to a byte; an other name's row shares its company's fields.
    expect([0, 1, 2, 3, 4].map((row) => completenessOfRow(rows, row))).toEqual([7, 255, 255, 0, 0]);
    expect([0, 1, 2, 3, 4].map((row) => domainCheckOfRow(rows, row))).toEqual([checkHash('acme.com') || 1, 0, checkHash('gmail.com') || 1, checkHash('acme.co.uk') || 1, checkHash('acme.co.uk') || 1]);
  });

  it('is renumbered when builders’ parts are merged: the same rows as one builder gives', () => {
    const first = new MasterIndexBuilder(1);
    const second = new MasterIndexBuilder(1);
    companies.slice(0, 2).forEach((company) => first.add(company));
    companies.slice(2).forEach((company) => second.add(company));
    const merged = mergeMasterIndexParts([first.takePart(), second.takePart('partitioned')]);
    const single = buildMasterIndex(companies);
    expect(Array.from(merged.rows)).toEqual(Array.from(single.rows));
    expect(merged).toEqual(single);
  });
});

describe('the domain label key', () => {
  /** How many keys of `hash` the index gives company 0. */
  const keysOf = (domain: string, name: string, hash: number): number => {
    const index = buildMasterIndex([{ companyId: 'c', name, domain, country: '' }]);
    return index.keyHashes.filter((keyHash, at) => keyHash === hash && index.keyCompanies[at] === 0).length;
  };

  it('is the label without hyphens, at least 3 characters, and not the name’s compact form (that key is there once)', () => {
    const label = fc.string({ unit: fc.constantFrom('a', 'b', '1', '-'), minLength: 1, maxLength: 7 }).filter((text) => /^[a-z0-9].*[a-z0-9]$|^[a-z0-9]$/.test(text));
    fc.assert(
      fc.property(label, fc.constantFrom('.com', '.co.uk', '.de'), fc.constantFrom('', 'ab', 'ab1', 'Abba', 'A-B Bab'), (text, suffix, name) => {
        const compact = normalizeName(name)?.compact;
        const key = text.replaceAll('-', '');
        const expected = (key === compact ? 1 : 0) + (key.length >= 3 && key !== compact ? 1 : 0);
        expect(keysOf(`${text}${suffix}`, name, hashKey(keyPrefix.compact, key))).toBe(expected);
      }),
    );
    expect(keysOf('acme-labs.co.uk', 'Globex', hashKey(keyPrefix.compact, 'acmelabs'))).toBe(1);
    expect(keysOf('acme-labs.co.uk', 'Acme Labs', hashKey(keyPrefix.compact, 'acmelabs'))).toBe(1);
    expect(keysOf('ab.com', 'Globex', hashKey(keyPrefix.compact, 'ab'))).toBe(0);
  });
});

describe('a name read from bytes (the CSV build)', () => {
  const piece = fc.constantFrom('Acme', ' Widgets', ' Inc', ' Ltd.', 'The ', ' GmbH & Co. KG', ' intl', ' S.p.A.', '.com', ' Tech', ' Holdings', ' Group', ' A', ' B', ' and ', ' Corp', '-', "'", ' Bluepeak', ' Logistics', ' é', '/DE/', ' (The)', ' Co', ' plc', ' Acme');
  const name = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));
  it('gives the index its text gives: the same words, vocabulary and keys, domain labels compared with the same compact name', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(name, fc.constantFrom('', 'acme.com', 'bluepeak.co.uk', 'acmewidgets.com', 'a-c-m-e.de', 'bluepeaklogistics.com')), { minLength: 1, maxLength: 30 }), (rows) => {
        const fromText = new MasterIndexBuilder(4);
        const fromBytes = new MasterIndexBuilder(4);
        rows.forEach(([text, domain], row) => {
          const company = { companyId: `c-${row}`, name: text, domain, country: 'GB' };
          fromText.add(company);
          const bytes = Buffer.from(`,${text},`, 'utf8');
          fromBytes.add({ ...company, name: '' }, bytes, -1, -1, 1, bytes.length - 1);
        });
        expect(fromBytes.finish()).toEqual(fromText.finish());
      }),
      { numRuns: 2_000 },
    );
  });
});
