import { describe, expect, it } from 'vitest';
import type { CompanyRecord } from '../../../domain/matching/companyRecord';
import { companyToMergeInto, composeCompany, groupByCompany, matchKeysOf } from './mergeOpenData';

const record = (fields: Partial<CompanyRecord> & { id: string; name: string }): CompanyRecord => ({
  domain: null,
  otherDomains: [],
  country: null,
  region: null,
  city: null,
  industry: null,
  employeeRange: null,
  revenueRange: null,
  firmographics: {},
  ...fields,
});

describe('merging open data records', () => {
  it('matches on normalised legal and other names, the country (SEC registrants as US) and domains other than shared hosts', () => {
    expect(matchKeysOf('gleif', record({ id: 'lei:1', name: 'Kestrel Lebensmittel GmbH', country: 'DE', otherNames: ['Kestrel Foods', 'KESTREL LEBENSMITTEL'] }))).toEqual({
      nameKeys: ['kestrel lebensmittel', 'kestrel foods'],
      country: 'DE',
      domains: [],
    });
    expect(matchKeysOf('sec', record({ id: 'cik:1', name: 'BRIGHTWATER HOLDINGS CORP /DE/' }))).toMatchObject({ nameKeys: ['brightwater holdings'], country: 'US' });
    expect(matchKeysOf('wikidata', record({ id: 'wikidata:Q1', name: 'Acme', domain: 'acme.com', otherDomains: ['github.com', 'acme.de'] })).domains).toEqual(['acme.com', 'acme.de']);
  });

  const existing = groupByCompany([
    { companyId: 'lei:A', source: 'gleif', nameKeys: ['acme holdings'], country: 'US', domains: [] },
    { companyId: 'lei:A', source: 'sec', nameKeys: ['acme holdings'], country: 'US', domains: [] },
    { companyId: 'wikidata:Q2', source: 'wikidata', nameKeys: ['borealis'], country: 'FR', domains: ['borealis.fr'] },
    { companyId: 'lei:C', source: 'gleif', nameKeys: ['corvid'], country: 'GB', domains: [] },
    { companyId: 'lei:D', source: 'gleif', nameKeys: ['corvid'], country: 'GB', domains: [] },
  ]);
  const candidates = [...existing.values()];

  it('merges on the same name in the same country, or the same domain with no other country', () => {
    expect(companyToMergeInto('wikidata', { nameKeys: ['acme holdings'], country: 'US', domains: [] }, candidates, new Set())).toBe('lei:A');
    expect(companyToMergeInto('gleif', { nameKeys: ['borealis group'], country: null, domains: ['borealis.fr'] }, candidates, new Set())).toBe('wikidata:Q2');
    // The same name in another country, or with no country, is another company (or cannot be told apart).
    expect(companyToMergeInto('wikidata', { nameKeys: ['acme holdings'], country: 'CA', domains: [] }, candidates, new Set())).toBeUndefined();
    expect(companyToMergeInto('wikidata', { nameKeys: ['acme holdings'], country: null, domains: [] }, candidates, new Set())).toBeUndefined();
    // The same website for a company of another country: a group's subsidiary, not the same company.
    expect(companyToMergeInto('gleif', { nameKeys: ['borealis'], country: 'DE', domains: ['borealis.fr'] }, candidates, new Set())).toBeUndefined();
  });

  it('never into a company holding a record of the same data set or claimed by another record of the import; never when two fit', () => {
    expect(companyToMergeInto('sec', { nameKeys: ['acme holdings'], country: 'US', domains: [] }, candidates, new Set())).toBeUndefined();
    expect(companyToMergeInto('wikidata', { nameKeys: ['acme holdings'], country: 'US', domains: [] }, candidates, new Set(['lei:A']))).toBeUndefined();
    expect(companyToMergeInto('wikidata', { nameKeys: ['corvid'], country: 'GB', domains: [] }, candidates, new Set())).toBeUndefined();
  });

  it('composes the company: the first record’s values kept, the others filling gaps, their names as other names, one provenance entry each', () => {
    const provenance = (source: 'gleif' | 'sec' | 'wikidata', sourceId: string) => [{ source, sourceId, dataset: source, licence: 'CC0 1.0', file: `${source}.csv`, importedAt: '2026-12-01T00:00:00.000Z' }];
    const company = composeCompany('lei:A', [
      record({ id: 'lei:A', name: 'Acme Holdings Corporation', country: 'US', city: 'Dover', otherNames: ['Acme'], firmographics: { lei: 'A', source_note: 'gleif' }, provenance: provenance('gleif', 'A') }),
      record({ id: 'cik:1', name: 'ACME HOLDINGS CORP /DE/', firmographics: { cik: '1' }, provenance: provenance('sec', '1') }),
      record({ id: 'wikidata:Q1', name: 'Acme Rockets', domain: 'acme.com', otherDomains: ['acme.de'], country: 'CA', industry: 'aerospace', firmographics: { qid: 'Q1', source_note: 'wikidata' }, provenance: provenance('wikidata', 'Q1') }),
    ]);
    expect(company).toMatchObject({ id: 'lei:A', name: 'Acme Holdings Corporation', country: 'US', city: 'Dover', domain: 'acme.com', otherDomains: ['acme.de'], industry: 'aerospace' });
    expect(company.otherNames).toEqual(['Acme', 'Acme Rockets']);
    expect(company.firmographics).toEqual({ lei: 'A', cik: '1', qid: 'Q1', source_note: 'gleif' });
    expect(company.provenance?.map((entry) => entry.source)).toEqual(['gleif', 'sec', 'wikidata']);
  });
});
