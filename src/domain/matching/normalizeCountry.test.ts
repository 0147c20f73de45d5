import fc from 'fast-check';
import countries from 'i18n-iso-countries';
import { describe, expect, it } from 'vitest';
import { normalizeCountry } from './normalizeCountry';

describe('normalizeCountry', () => {
  it.each([
    ['US', 'US'], ['us', 'US'], ['USA', 'US'], ['U.S.', 'US'], ['U.S.A.', 'US'], ['Usa', 'US'], ['United States', 'US'],
    ['United States of America', 'US'], ['IND', 'IN'], ['India', 'IN'], ['Ireland', 'IE'], ['UK', 'GB'], ['England', 'GB'],
    ['Great Britain', 'GB'], ['Deutschland', 'DE'], ['germany', 'DE'], ['DEU', 'DE'], ['276', 'DE'], ['Holland', 'NL'],
    ['The Netherlands', 'NL'], ['Côte d’Ivoire', 'CI'], ['Ivory Coast', 'CI'], ['South Korea', 'KR'], ['Korea, Republic of', 'KR'],
    ['中国', 'CN'], ['Россия', 'RU'], ['España', 'ES'], ['Schweiz', 'CH'], ['Brasil', 'BR'], ['Germany (DE)', 'DE'], [' fr ', 'FR'],
    ['CHN', 'CN'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeCountry(input)).toBe(expected);
  });

  it.each(['', ' ', 'XX', 'Atlantis', 'n/a', null, undefined])('gives null for %s', (input) => {
    expect(normalizeCountry(input)).toBeNull();
  });

  it('gives an ISO 3166-1 alpha-2 code or null for any string, without throwing', () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        const code = normalizeCountry(input);
        return code === null || (/^[A-Z]{2}$/.test(code) && countries.isValid(code));
      }),
      { numRuns: 3000 },
    );
  });

  it('maps every alpha-2 and alpha-3 code to itself', () => {
    for (const [alpha3, alpha2] of Object.entries(countries.getAlpha3Codes())) {
      expect(normalizeCountry(alpha2)).toBe(alpha2);
      expect(normalizeCountry(alpha3.toLowerCase())).toBe(alpha2);
    }
  });
});
