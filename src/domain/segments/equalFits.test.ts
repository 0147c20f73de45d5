import { describe, expect, it } from 'vitest';
import { describeEqualFits, hasEqualFits, type CandidateCompany } from './equalFits';

const company = (companyId: string, score: number, fields: Partial<CandidateCompany> = {}): CandidateCompany => ({
  companyId,
  score,
  name: 'Abbott & Co LLC',
  domain: null,
  city: null,
  country: 'US',
  sources: [],
  ...fields,
});

describe('describeEqualFits', () => {
  it('says how many companies of one name in one country fit, and tells each apart by what differs (not by its score)', () => {
    const fits = describeEqualFits([
      company('C1', 1, { domain: 'abbott-co.com', city: 'Boston' }),
      company('C2', 1, { domain: 'abbottandco.net', city: 'Denver' }),
      company('C3', 0.7, { name: 'Abbott Labs' }),
    ]);
    expect(fits?.label).toBe('2 companies named “Abbott & Co LLC” in United States of America fit equally well; choose one.');
    expect(Object.fromEntries(fits?.details ?? [])).toEqual({
      C1: 'abbott-co.com · Boston, United States of America',
      C2: 'abbottandco.net · Denver, United States of America',
    });
  });

  it('names the data sets when they are what differs, and the ids when nothing else does', () => {
    const bySource = describeEqualFits([company('lei:X', 0.97, { sources: ['gleif', 'sec'] }), company('wikidata:Q1', 0.95, { sources: ['wikidata'] })]);
    expect(Object.fromEntries(bySource?.details ?? [])).toEqual({ 'lei:X': 'from GLEIF + SEC EDGAR', 'wikidata:Q1': 'from Wikidata' });
    const alike = describeEqualFits([company('C1', 1), company('C2', 1), company('C3', 1, { domain: 'abbott.com' })]);
    expect(alike?.label).toBe('3 companies named “Abbott & Co LLC” in United States of America fit equally well; choose one.');
    expect(Object.fromEntries(alike?.details ?? [])).toEqual({ C1: 'no website · id C1', C2: 'no website · id C2', C3: 'abbott.com' });
  });

  it('lists the names when they differ, and leaves out the country when they are in several', () => {
    const fits = describeEqualFits([company('C1', 0.9, { name: 'Kestrel Foods Ltd', country: 'GB' }), company('C2', 0.88, { name: 'Kestrel Foods Inc', country: 'US' })]);
    expect(fits?.label).toBe('2 companies fit equally well (“Kestrel Foods Ltd”, “Kestrel Foods Inc”); choose one.');
    expect(Object.fromEntries(fits?.details ?? [])).toEqual({ C1: 'United Kingdom', C2: 'United States of America' });
  });

  it('is nothing when one candidate leads by more than the matcher’s margin, or there is one', () => {
    expect(describeEqualFits([company('C1', 0.95), company('C2', 0.9)])).toBeUndefined();
    expect(describeEqualFits([company('C1', 1)])).toBeUndefined();
    expect(describeEqualFits([])).toBeUndefined();
  });
});

describe('hasEqualFits', () => {
  it('is true when a runner-up is within the matcher’s margin of the best', () => {
    expect(hasEqualFits([{ score: 0.88 }, { score: 0.87 }])).toBe(true);
    expect(hasEqualFits([{ score: 0.95 }, { score: 0.9 }])).toBe(false);
    expect(hasEqualFits([{ score: 1 }])).toBe(false);
  });
});
