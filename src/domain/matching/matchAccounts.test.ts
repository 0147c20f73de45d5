import { describe, expect, it } from 'vitest';
import { buildExclusionSet } from './excludedDomains';
import { buildMasterIndex } from './masterIndex';
import { candidateFloor, matchAccounts } from './matchAccounts';
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

describe('matchAccounts: rows whose domain is on the exclusion list', () => {
  it('matches a personal e-mail row on name and country, says so, and lets the domain count for nothing', () => {
    const [result] = match([{ rowId: '1', name: 'Bluepeak Logistics', domain: 'jane@gmail.com', country: 'DE' }]);
    expect(result).toMatchObject({ status: 'matched', companyId: 'C2', reason: null, note: 'name_country_fallback' });
    // The same score as the row without a domain: the domain neither helps nor hurts.
    expect(result?.score).toBe(match([{ rowId: '1', name: 'Bluepeak Logistics', country: 'DE' }])[0]?.score);
  });

  it('keeps the exclusion-list reason when name and country do not settle it (no country, or another one)', () => {
    const results = match([
      { rowId: 'no-country', name: 'Bluepeak Logistics', domain: 'jane@hotmail.com' },
      { rowId: 'other-country', name: 'Bluepeak Logistics', domain: 'jane@hotmail.com', country: 'FR' },
      { rowId: 'no-name', domain: 'jane@hotmail.com', country: 'DE' },
    ]);
    expect(results.map((r) => [r.rowId, r.status, r.reason, r.note])).toEqual([
      ['no-country', 'unmatched', 'excluded_domain', undefined],
      ['other-country', 'unmatched', 'excluded_domain', undefined],
      ['no-name', 'unmatched', 'excluded_domain', undefined],
    ]);
  });

  it('keeps the spec behaviour when the organisation turns the fallback off', () => {
    const [result] = matchAccounts(index, [{ rowId: '1', name: 'Bluepeak Logistics', domain: 'jane@gmail.com', country: 'DE' }], { excludedDomains: buildExclusionSet(), nameFallbackOnExcludedDomain: false });
    expect(result).toMatchObject({ status: 'unmatched', companyId: null, reason: 'excluded_domain' });
  });

  it("recognises a company by its own domain although the domain is on the exclusion list, when the name agrees", () => {
    const withPlatforms = buildMasterIndex([
      ...master,
      { companyId: 'GH', name: 'GitHub, Inc.', domain: 'github.com', country: 'US' },
      { companyId: 'KS', name: 'Kickstarter PBC', domain: 'https://www.kickstarter.com', country: 'US' },
      // A company that put its GitHub page as its website: github.com is not its own domain in any useful sense.
      { companyId: 'TOOL', name: 'Gitbucket Tools', domain: 'github.com', country: 'US' },
    ]);
    const results = matchAccounts(
      withPlatforms,
      [
        { rowId: 'gh', name: 'GitHub', domain: 'https://github.com/about' },
        { rowId: 'ks', name: 'Kickstarter', domain: 'kickstarter.com' },
        { rowId: 'other-name', name: 'Quillfeather Widgets', domain: 'github.com' },
      ],
      { excludedDomains: buildExclusionSet(), nameFallbackOnExcludedDomain: false },
    );
    expect(results.map((r) => [r.rowId, r.status, r.companyId, r.reason])).toEqual([
      ['gh', 'matched', 'GH', null],
      ['ks', 'matched', 'KS', null],
      ['other-name', 'unmatched', null, 'excluded_domain'],
    ]);
  });
});

describe('matchAccounts: candidates', () => {
  it('never offers a candidate below the floor', () => {
    const results = match(['Kestrel Marine', 'Kestrel Software Group', 'Acorn Widgets', 'Northwind Logistics', 'Kestrel'].map((name, n) => ({ rowId: `${n}`, name, country: 'US' })));
    // The closest companies of the first rows are unrelated (scores under the floor): none is offered.
    expect(results[0]).toMatchObject({ status: 'unmatched', reason: 'low_score', candidates: [] });
    expect(results[0]?.score).toBeLessThan(candidateFloor);
    const offered = results.flatMap((result) => result.candidates);
    expect(offered.map((candidate) => candidate.companyId)).toContain('C4');
    for (const candidate of offered) expect(candidate.score).toBeGreaterThanOrEqual(candidateFloor);
  });

  it('offers a one-letter spelling variant in the same country, even when the other word is common', () => {
    // "Barnes" on 450 companies in six countries: its block is too large to read whole, and "Advisers" is on none.
    const countries = ['FR', 'DE', 'US', 'GB', 'ES', 'IT'];
    const words = ['Capital', 'Partners', 'Logistics', 'Foods', 'Media', 'Energy', 'Labs', 'Studio', 'Motors', 'Textiles', 'Systems', 'Digital', 'Realty', 'Marine', 'Health'];
    const crowded: MasterCompanyInput[] = countries.flatMap((country) =>
      words.flatMap((word) => Array.from({ length: 5 }, (_, k) => ({ companyId: `B-${country}-${word}-${k}`, name: `Barnes ${word} ${k || ''}`, domain: '', country }))),
    );
    crowded.push(...countries.flatMap((country) => Array.from({ length: 60 }, (_, k) => ({ companyId: `A-${country}-${k}`, name: `Firm${k} Advisors`, domain: '', country }))));
    crowded.push({ companyId: 'BARNES-ADVISORS', name: 'Barnes Advisors SAS', domain: '', country: 'FR' });
    const [result] = matchAccounts(buildMasterIndex(crowded), [{ rowId: '1', name: 'Barnes Advisers SAS', country: 'FR' }], { excludedDomains: buildExclusionSet() });
    expect(result?.candidates.map((candidate) => candidate.companyId)).toContain('BARNES-ADVISORS');
    // Offered, not matched: a one-edit link alone is too often another company.
    expect(result).toMatchObject({ status: 'unmatched', reason: 'low_score' });
  });
});

describe('matchAccounts: other domains', () => {
  const withOtherDomains = buildMasterIndex([
    ...master,
    { companyId: 'OD', name: 'Fennimore Outfitters', domain: 'fennimore.com', country: 'US', otherDomains: ['https://www.fennimore-shop.co.uk', 'fennimore.com', 'gmail.com'] },
  ]);
  const run = (records: AccountInput[]) => matchAccounts(withOtherDomains, records, { excludedDomains: buildExclusionSet() });

  it("finds a company by one of its other domains when the name agrees", () => {
    expect(run([{ rowId: '1', name: 'Fennimore Outfitters Ltd', domain: 'orders@fennimore-shop.co.uk', country: 'GB' }])[0]).toMatchObject({ status: 'matched', companyId: 'OD' });
    expect(run([{ rowId: '1', name: 'Fennimore', domain: 'fennimore-shop.co.uk' }])[0]).toMatchObject({ status: 'matched', companyId: 'OD' });
  });

  it('does not take another domain alone, or against the name, as identifying', () => {
    expect(run([{ rowId: '1', domain: 'fennimore-shop.co.uk' }])[0]?.status).toBe('unmatched');
    expect(run([{ rowId: '1', name: 'Quillfeather Widgets', domain: 'fennimore-shop.co.uk' }])[0]?.status).toBe('unmatched');
  });
});

describe('matchAccounts: brands written as initials', () => {
  const withInitials = buildMasterIndex([
    ...master,
    { companyId: 'BMW', name: 'Bayerische Motoren Werke Aktiengesellschaft', domain: '', country: 'DE' },
    { companyId: 'NTT', name: 'Nippon Telegraph and Telephone Corporation', domain: '', country: 'JP' },
    { companyId: 'KLM1', name: 'Kestrel Lumber Mills', domain: '', country: 'US' },
    { companyId: 'KLM2', name: 'Koala Leisure Media', domain: '', country: 'US' },
  ]);
  const run = (name: string, country?: string) => matchAccounts(withInitials, [{ rowId: '1', name, country }], { excludedDomains: buildExclusionSet() })[0];

  it('matches initials that only one company has', () => {
    expect(run('BMW', 'DE')).toMatchObject({ status: 'matched', companyId: 'BMW' });
    expect(run('NTT')).toMatchObject({ status: 'matched', companyId: 'NTT' });
  });

  it('does not match initials several companies share, nor a name with a legal form', () => {
    expect(run('KLM', 'US')?.status).toBe('unmatched');
    expect(run('BMW Ltd', 'DE')?.status).toBe('unmatched');
  });
});
