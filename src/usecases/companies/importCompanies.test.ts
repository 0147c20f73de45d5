import { describe, expect, it } from 'vitest';
import { parseOtherNames } from './importCompanies';

describe('the other_names column of the CSV master format', () => {
  it('reads names separated by "|", trimmed, without repeats or the company’s own name; an empty cell is none', () => {
    expect(parseOtherNames(' Kestrel Foods | KF Group|Kestrel Foods|Kestrel Lebensmittel GmbH ', 'Kestrel Lebensmittel GmbH')).toEqual({ isValid: true, otherNames: ['Kestrel Foods', 'KF Group'] });
    expect(parseOtherNames('  ', 'Acme')).toEqual({ isValid: true, otherNames: [] });
    // Commas, semicolons and quotes are part of a name.
    expect(parseOtherNames('Smith, Jones & Co; Ltd|"Acme"', 'Acme Inc')).toEqual({ isValid: true, otherNames: ['Smith, Jones & Co; Ltd', '"Acme"'] });
  });

  it.each([
    ['A||B', 'other_names has an empty name (name 2 of 3): separate names with a single "|", none before the first or after the last'],
    ['|A', 'other_names has an empty name (name 1 of 2): separate names with a single "|", none before the first or after the last'],
    ['A|B| ', 'other_names has an empty name (name 3 of 3): separate names with a single "|", none before the first or after the last'],
    [`A|${'x'.repeat(501)}`, `other_names: name 2 ("${'x'.repeat(40)}…") is longer than 500 characters`],
    [Array.from({ length: 9 }, (_, n) => `Name ${n}`).join('|'), 'other_names has 9 different names; at most 8 are allowed'],
  ])('refuses %j with a specific reason', (cell, reason) => {
    expect(parseOtherNames(cell, 'Acme')).toEqual({ isValid: false, reason });
  });

  it('counts different names only: 8 names given twice are 8', () => {
    const names = Array.from({ length: 8 }, (_, n) => `Name ${n}`);
    expect(parseOtherNames([...names, ...names].join('|'), 'Acme')).toEqual({ isValid: true, otherNames: names });
  });
});
