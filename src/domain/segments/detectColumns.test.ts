import { describe, expect, it } from 'vitest';
import { detectColumns, mappingProblems } from './detectColumns';

describe('detectColumns', () => {
  it.each<[string, string[], string[][], { name: number; domain: number; country: number }, boolean]>([
    ['plain header', ['Name', 'Domain', 'Country'], [], { name: 0, domain: 1, country: 2 }, true],
    ['CRM-style header', ['Account Name', 'Billing Country', 'Website'], [], { name: 0, domain: 2, country: 1 }, true],
    ['no known header: domain guessed from values', ['A', 'B'], [['Acme', 'acme.com'], ['Globex', 'https://www.globex.io/about']], { name: -1, domain: 1, country: -1 }, false],
    ['nothing usable', ['Foo', 'Bar'], [['1', '2']], { name: -1, domain: -1, country: -1 }, false],
  ])('%s', (_title, header, rows, mapping, isConfident) => {
    expect(detectColumns(header, rows)).toEqual({ mapping, isConfident });
  });
});

describe('mappingProblems', () => {
  it('accepts a good mapping', () => expect(mappingProblems({ name: 0, domain: 1, country: -1 }, 2)).toEqual([]));
  it('refuses a missing column, no name/domain, a column used twice', () => {
    expect(mappingProblems({ name: 5, domain: -1, country: -1 }, 2)).toEqual(['The name column 6 does not exist: the file has 2 columns.']);
    expect(mappingProblems({ name: -1, domain: -1, country: 0 }, 2)).toEqual(['Choose a name or a domain column: without either no account can be matched.']);
    expect(mappingProblems({ name: 0, domain: 0, country: -1 }, 2)).toEqual(['Each column can be used for one field only.']);
  });
});
