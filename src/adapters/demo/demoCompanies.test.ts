import { describe, expect, it } from 'vitest';
import { normalizeCountry } from '../../domain/matching/normalizeCountry';
import { normalizeDomain } from '../../domain/matching/normalizeDomain';
import { generateDemoCompanies } from './demoCompanies';

describe('generateDemoCompanies', () => {
  const companies = generateDemoCompanies(5_000);

  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateDemoCompanies(200)).toEqual(companies.slice(0, 200));
    expect(generateDemoCompanies(200, 2)).not.toEqual(companies.slice(0, 200));
  });

  it('gives unique ids and unique registrable domains', () => {
    expect(new Set(companies.map((c) => c.companyId)).size).toBe(companies.length);
    expect(new Set(companies.map((c) => c.domain)).size).toBe(companies.length);
    for (const company of companies) expect(normalizeDomain(company.domain)).toBe(company.domain);
  });

  it('uses ISO countries, most of them the United States', () => {
    for (const company of companies) expect(normalizeCountry(company.country)).toBe(company.country);
    const us = companies.filter((c) => c.country === 'US').length / companies.length;
    expect(us).toBeGreaterThan(0.3);
    expect(us).toBeLessThan(0.55);
    expect(new Set(companies.map((c) => c.country)).size).toBeGreaterThan(15);
  });

  it('fills every firmographic field', () => {
    for (const company of companies) {
      for (const value of Object.values(company)) expect(value).not.toBe('');
    }
  });
});
