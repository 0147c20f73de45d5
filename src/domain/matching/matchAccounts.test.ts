import { describe, expect, it } from 'vitest';
import { buildExclusionSet } from './excludedDomains';
import { buildMasterIndex } from './masterIndex';
import { matchAccounts } from './matchAccounts';
import type { AccountInput, MasterCompanyInput } from './types';

const master: MasterCompanyInput[] = [
  { companyId: 'C1', name: 'Northwind Analytics Inc.', domain: 'northwind-analytics.com', country: 'US' },
  { companyId: 'C2', name: 'Bluepeak Logistics GmbH', domain: 'bluepeak.de', country: 'DE' },
  { companyId: 'C3', name: 'Kestrel & Sons Ltd', domain: '', country: 'GB' },
  { companyId: 'C4', name: 'Kestrel Energy', domain: 'kestrel-energy.com', country: 'US' },
  { companyId: 'C5', name: 'Harbor Freight Partners', domain: 'harborfreightpartners.com', country: 'US' },
  { companyId: 'C6', name: 'Harbor Freight Partners', domain: 'harborfreight.ca', country: 'CA' },
  { companyId: 'C7', name: 'Sakura Kogyo K.K.', domain: 'sakura-kogyo.co.jp', country: 'JP' },
  // Enough other companies that generic words ("Analytics", "Logistics") are common, as in a real master.
  ...['Analytics', 'Logistics', 'Energy', 'Partners', 'Holdings', 'Group'].flatMap((word) =>
    ['Acorn', 'Birch', 'Cedar', 'Dune', 'Ember', 'Fjord', 'Gale', 'Heath', 'Isle', 'Juno', 'Kiln', 'Loch', 'Mire', 'Nook', 'Opal', 'Pike', 'Quay', 'Rill', 'Sorrel', 'Tarn'].map((brand, n) => ({
      companyId: `F-${word}-${n}`,
      name: `${brand} ${word}`,
      domain: `${brand.toLowerCase()}${word.toLowerCase()}.com`,
      country: 'US',
    })),
  ),
];
const index = buildMasterIndex(master);
const match = (records: AccountInput[]) => matchAccounts(index, records, { excludedDomains: buildExclusionSet(['acme-reseller.com']) });

describe('matchAccounts', () => {
  it('matches by domain from a URL, whatever the name says about legal form and case', () => {
    const [result] = match([{ rowId: '1', name: 'NORTHWIND ANALYTICS', domain: 'https://www.northwind-analytics.com/about', country: 'United States' }]);
    expect(result).toMatchObject({ status: 'matched', companyId: 'C1', reason: null });
    expect(result?.score).toBeGreaterThanOrEqual(0.95);
  });

  it('matches by name within the country when there is no domain', () => {
    expect(match([{ rowId: '1', name: 'Bluepeak Logistics', country: 'Deutschland' }])[0]).toMatchObject({ status: 'matched', companyId: 'C2' });
    expect(match([{ rowId: '1', name: 'Kestrel and Sons Limited', country: 'UK' }])[0]).toMatchObject({ status: 'matched', companyId: 'C3' });
  });

  it('tolerates a typo in a rare word', () => {
    expect(match([{ rowId: '1', name: 'Nortwind Analytics', country: 'US' }])[0]).toMatchObject({ status: 'matched', companyId: 'C1' });
  });

  it('marks later rows of the same company as duplicates, keeping the first as matched', () => {
    const results = match([
      { rowId: 'a', name: 'Bluepeak Logistics GmbH', country: 'DE' },
      { rowId: 'b', domain: 'bluepeak.de' },
      { rowId: 'c', name: 'Sakura Kogyo Co., Ltd.', country: 'Japan' },
    ]);
    expect(results.map((r) => [r.rowId, r.status, r.companyId])).toEqual([
      ['a', 'matched', 'C2'],
      ['b', 'duplicate', 'C2'],
      ['c', 'matched', 'C7'],
    ]);
  });

  it('gives each unmatched row its reason', () => {
    const results = match([
      { rowId: 'excluded', name: 'Northwind Analytics', domain: 'jane.doe@gmail.com' },
      { rowId: 'org-excluded', domain: 'www.acme-reseller.com' },
      { rowId: 'missing', name: '  ', domain: 'n/a', country: 'US' },
      { rowId: 'none', name: 'Zyxwv Quantum Widgets', country: 'US' },
      { rowId: 'ambiguous', name: 'Harbor Freight Partners' },
      { rowId: 'low', name: 'Kestrel Marine', country: 'US' },
    ]);
    expect(Object.fromEntries(results.map((r) => [r.rowId, [r.status, r.reason]]))).toEqual({
      excluded: ['unmatched', 'excluded_domain'],
      'org-excluded': ['unmatched', 'excluded_domain'],
      missing: ['unmatched', 'missing_data'],
      none: ['unmatched', 'no_candidate'],
      ambiguous: ['unmatched', 'ambiguous'],
      low: ['unmatched', 'low_score'],
    });
  });

  it('resolves an ambiguous name with the country', () => {
    expect(match([{ rowId: '1', name: 'Harbor Freight Partners', country: 'CA' }])[0]).toMatchObject({ status: 'matched', companyId: 'C6' });
  });

  it('keeps at most three ranked candidates, best first', () => {
    const [result] = match([{ rowId: '1', name: 'Harbor Freight Partners' }]);
    expect(result?.candidates.length).toBeLessThanOrEqual(3);
    expect(result?.candidates.map((c) => c.companyId).slice(0, 2).sort()).toEqual(['C5', 'C6']);
    const scores = result?.candidates.map((c) => c.score) ?? [];
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('does not match a different company sharing a brand word but not its business', () => {
    expect(match([{ rowId: '1', name: 'Kestrel Software', country: 'US' }])[0]?.status).toBe('unmatched');
  });

  it('answers one row per input row, in input order', () => {
    const records = Array.from({ length: 50 }, (_, n) => ({ rowId: `r${n}`, name: n % 2 ? 'Bluepeak Logistics' : 'nobody here' }));
    expect(match(records).map((r) => r.rowId)).toEqual(records.map((r) => r.rowId));
  });

  it('finds the right company among more blocked candidates than the evidence table first holds', () => {
    // 1,500 companies on one shared domain: every one is a candidate, so the per-row table must grow (and keep its tallies).
    const shared: MasterCompanyInput[] = Array.from({ length: 1500 }, (_, n) => ({ companyId: `S${n}`, name: `Tenant ${n} Widgets`, domain: 'sharedhost.com', country: 'US' }));
    shared.push({ companyId: 'Q1', name: 'Quillfeather Widgets', domain: 'sharedhost.com', country: 'US' });
    const sharedIndex = buildMasterIndex([...master, ...shared]);
    const [result] = matchAccounts(sharedIndex, [{ rowId: '1', name: 'Quillfeather Widgets Inc', domain: 'www.sharedhost.com', country: 'US' }], { excludedDomains: buildExclusionSet() });
    expect(result).toMatchObject({ status: 'matched', companyId: 'Q1' });
  });
});
