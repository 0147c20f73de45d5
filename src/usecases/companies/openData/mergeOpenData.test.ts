import { describe, expect, it } from 'vitest';
import type { CompanyRecord } from '../../../domain/matching/companyRecord';
import { companyToMergeInto, composeCompany, groupByCompany, identifiersOf, matchKeysOf } from './mergeOpenData';

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
      identifiers: [],
    });
    expect(matchKeysOf('sec', record({ id: 'cik:1', name: 'BRIGHTWATER HOLDINGS CORP /DE/' }))).toMatchObject({ nameKeys: ['brightwater holdings'], country: 'US' });
    expect(matchKeysOf('wikidata', record({ id: 'wikidata:Q1', name: 'Acme', domain: 'acme.com', otherDomains: ['github.com', 'acme.de'] })).domains).toEqual(['acme.com', 'acme.de']);
  });

  const existing = groupByCompany([
    { companyId: 'lei:A', source: 'gleif', nameKeys: ['acme holdings'], country: 'US', domains: [], identifiers: [] },
    { companyId: 'lei:A', source: 'sec', nameKeys: ['acme holdings'], country: 'US', domains: [], identifiers: [] },
    { companyId: 'wikidata:Q2', source: 'wikidata', nameKeys: ['borealis'], country: 'FR', domains: ['borealis.fr'], identifiers: [] },
    { companyId: 'lei:C', source: 'gleif', nameKeys: ['corvid'], country: 'GB', domains: [], identifiers: [] },
    { companyId: 'lei:D', source: 'gleif', nameKeys: ['corvid'], country: 'GB', domains: [], identifiers: [] },
  ]);
  const candidates = [...existing.values()];

  it('merges on the same name in the same country, or the same domain with no other country', () => {
    expect(companyToMergeInto('wikidata', { nameKeys: ['acme holdings'], country: 'US', domains: [], identifiers: [] }, candidates, new Set())).toEqual({ merge: 'keys', companyId: 'lei:A' });
    expect(companyToMergeInto('gleif', { nameKeys: ['borealis group'], country: null, domains: ['borealis.fr'], identifiers: [] }, candidates, new Set())).toEqual({ merge: 'keys', companyId: 'wikidata:Q2' });
    // The same name in another country, or with no country, is another company (or cannot be told apart).
    expect(companyToMergeInto('wikidata', { nameKeys: ['acme holdings'], country: 'CA', domains: [], identifiers: [] }, candidates, new Set())).toEqual({ merge: 'none' });
    expect(companyToMergeInto('wikidata', { nameKeys: ['acme holdings'], country: null, domains: [], identifiers: [] }, candidates, new Set())).toEqual({ merge: 'none' });
    // The same website for a company of another country: a group's subsidiary, not the same company.
    expect(companyToMergeInto('gleif', { nameKeys: ['borealis'], country: 'DE', domains: ['borealis.fr'], identifiers: [] }, candidates, new Set())).toEqual({ merge: 'none' });
  });

  it('never into a company holding a record of the same data set or claimed by another record of the import; never when two fit', () => {
    expect(companyToMergeInto('sec', { nameKeys: ['acme holdings'], country: 'US', domains: [], identifiers: [] }, candidates, new Set())).toEqual({ merge: 'none' });
    expect(companyToMergeInto('wikidata', { nameKeys: ['acme holdings'], country: 'US', domains: [], identifiers: [] }, candidates, new Set(['lei:A']))).toEqual({ merge: 'none' });
    expect(companyToMergeInto('wikidata', { nameKeys: ['corvid'], country: 'GB', domains: [], identifiers: [] }, candidates, new Set())).toEqual({ merge: 'none' });
  });

  it('takes exact identifiers from the records: GLEIF’s LEI, SEC’s CIK, a Wikidata item’s LEIs and CIK (10 digits, leading zeros or not)', () => {
    expect(identifiersOf(record({ id: 'lei:A', name: 'A', firmographics: { lei: '5493001KJTIIGC8Y1R12', legal_form_code: 'XTIQ' } }))).toEqual(['lei:5493001KJTIIGC8Y1R12']);
    expect(identifiersOf(record({ id: 'cik:1', name: 'A', firmographics: { cik: '0000320193', tickers: 'AAPL' } }))).toEqual(['cik:0000320193']);
    expect(identifiersOf(record({ id: 'wikidata:Q1', name: 'A', firmographics: { qid: 'Q1', lei: '5493001KJTIIGC8Y1R12; 9695005MSX1OYEMGDF46', cik: '320193' } }))).toEqual([
      'lei:5493001KJTIIGC8Y1R12',
      'lei:9695005MSX1OYEMGDF46',
      'cik:0000320193',
    ]);
    expect(matchKeysOf('wikidata', record({ id: 'wikidata:Q1', name: 'Acme', firmographics: { cik: '0000320193' } })).identifiers).toEqual(['cik:0000320193']);
  });

  describe('by exact identifier', () => {
    const withIds = groupByCompany([
      // GLEIF and SEC records of one company; a GLEIF-only company; an SEC-only one; a company of a Wikidata item with an LEI.
      { companyId: 'lei:A', source: 'gleif', nameKeys: ['acme holdings'], country: 'US', domains: [], identifiers: ['lei:AAAA'] },
      { companyId: 'lei:A', source: 'sec', nameKeys: ['acme holdings'], country: 'US', domains: [], identifiers: ['cik:0000000001'] },
      { companyId: 'lei:B', source: 'gleif', nameKeys: ['borealis'], country: 'FR', domains: [], identifiers: ['lei:BBBB'] },
      { companyId: 'cik:0000000002', source: 'sec', nameKeys: ['corvid'], country: 'US', domains: [], identifiers: ['cik:0000000002'] },
      { companyId: 'wikidata:Q4', source: 'wikidata', nameKeys: ['dunlin'], country: 'GB', domains: ['dunlin.co.uk'], identifiers: ['lei:DDDD'] },
      // A GLEIF record and the Wikidata item carrying its LEI.
      { companyId: 'lei:E', source: 'gleif', nameKeys: ['egret'], country: 'DE', domains: [], identifiers: ['lei:EEEE'] },
      { companyId: 'lei:E', source: 'wikidata', nameKeys: ['egret'], country: 'DE', domains: [], identifiers: ['lei:EEEE'] },
    ]);
    const companies = [...withIds.values()];
    const keys = (identifiers: string[], nameKeys: string[] = ['something else'], country: string | null = 'US') => ({ nameKeys, country, domains: [], identifiers });

    it('merges by LEI or CIK whatever the names say, and before (in preference to) a name match', () => {
      expect(companyToMergeInto('wikidata', keys(['lei:BBBB']), companies, new Set())).toEqual({ merge: 'identifier', companyId: 'lei:B' });
      expect(companyToMergeInto('wikidata', keys(['cik:0000000002']), companies, new Set())).toEqual({ merge: 'identifier', companyId: 'cik:0000000002' });
      // The name and country are Acme's, the LEI Borealis's: the LEI decides.
      expect(companyToMergeInto('wikidata', keys(['lei:BBBB'], ['acme holdings']), companies, new Set())).toEqual({ merge: 'identifier', companyId: 'lei:B' });
      // The LEI and the CIK name the same company.
      expect(companyToMergeInto('wikidata', keys(['lei:AAAA', 'cik:0000000001']), companies, new Set())).toEqual({ merge: 'identifier', companyId: 'lei:A' });
      // The other direction: a GLEIF record finds the company of the Wikidata item carrying its LEI.
      expect(companyToMergeInto('gleif', keys(['lei:DDDD'], ['dunlin ltd'], 'GB'), companies, new Set())).toEqual({ merge: 'identifier', companyId: 'wikidata:Q4' });
    });

    it('an LEI naming one company and a CIK another is a conflict: merged into neither, with the reason', () => {
      const decision = companyToMergeInto('wikidata', keys(['lei:BBBB', 'cik:0000000002']), companies, new Set());
      expect(decision).toEqual({ merge: 'conflict', reason: 'its identifiers name different companies (lei:BBBB → company lei:B; cik:0000000002 → company cik:0000000002): merged into neither, imported as a company of its own' });
    });

    it('a company already holding a record of the data set, or claimed by another record of the import, is a conflict, not a reason to look by name', () => {
      // A second Wikidata item with Egret's LEI (a duplicate item): Egret holds one already; its name does not send it elsewhere.
      expect(companyToMergeInto('wikidata', keys(['lei:EEEE'], ['acme holdings']), companies, new Set())).toEqual({
        merge: 'conflict',
        reason: 'lei:EEEE → company lei:E, which already holds another wikidata record: not merged, imported as a company of its own',
      });
      expect(companyToMergeInto('wikidata', keys(['lei:BBBB']), companies, new Set(['lei:B']))).toMatchObject({ merge: 'conflict', reason: expect.stringContaining('which another record of this file was merged into') });
    });

    it('an identifier naming no company leaves the domain and name rules, but not into a company with another LEI', () => {
      // Acme's name and country, but another LEI: another legal entity.
      expect(companyToMergeInto('wikidata', keys(['lei:ZZZZ'], ['acme holdings']), companies, new Set())).toEqual({ merge: 'none' });
      // Another LEI does not keep it from a company that has none, only a CIK.
      expect(companyToMergeInto('wikidata', keys(['lei:ZZZZ'], ['corvid']), companies, new Set())).toEqual({ merge: 'keys', companyId: 'cik:0000000002' });
    });
  });

  describe('by an operator’s claim (a CSV row of lei:…, cik:…, wikidata:Q…)', () => {
    const withClaims = [
      ...groupByCompany([
        { companyId: 'lei:AAAA', source: 'csv', ...matchKeysOf('csv', record({ id: 'lei:aaaa', name: 'Acme (operator)' })) },
        { companyId: 'wikidata:Q7', source: 'csv', ...matchKeysOf('csv', record({ id: 'wikidata:Q7', name: 'Acme (operator)' })) },
        { companyId: 'lei:B', source: 'gleif', nameKeys: ['borealis'], country: 'FR', domains: [], identifiers: ['lei:BBBB'] },
        { companyId: 'cik:0000000002', source: 'sec', nameKeys: ['corvid'], country: 'US', domains: [], identifiers: ['cik:0000000002'] },
        { companyId: 'cik:0000000002', source: 'csv', nameKeys: [], country: null, domains: [], identifiers: ['cik:0000000002'] },
        // A Wikidata item's company, which an operator's row of LEI EEEE says it is.
        { companyId: 'wikidata:Q8', source: 'wikidata', nameKeys: ['egret'], country: 'US', domains: [], identifiers: ['wikidata:Q8'] },
        { companyId: 'wikidata:Q8', source: 'csv', nameKeys: [], country: null, domains: [], identifiers: ['lei:EEEE'] },
      ]).values(),
    ];
    const keys = (identifiers: string[], nameKeys: string[] = ['something else']) => ({ nameKeys, country: 'US', domains: [], identifiers });

    it('the id is the claim: LEIs in upper case, CIKs of 10 digits, item ids; names and domains say nothing', () => {
      expect(matchKeysOf('csv', record({ id: 'lei:aaaa', name: 'Acme', domain: 'acme.com' }))).toEqual({ nameKeys: [], country: null, domains: [], identifiers: ['lei:AAAA'] });
      expect(matchKeysOf('csv', record({ id: 'cik:320193', name: 'Apple' })).identifiers).toEqual(['cik:0000320193']);
      expect(matchKeysOf('csv', record({ id: 'wikidata:Q7', name: 'Acme' })).identifiers).toEqual(['wikidata:Q7']);
      expect(matchKeysOf('csv', record({ id: 'C-1', name: 'Plain' })).identifiers).toEqual([]);
      expect(matchKeysOf('wikidata', record({ id: 'wikidata:Q7', name: 'Acme', firmographics: { qid: 'Q7', lei: 'AAAA' } })).identifiers).toEqual(['lei:AAAA', 'wikidata:Q7']);
    });

    it('a record joins the company of its claim; a company of claims only is no rival to one of data sets (the import joins them)', () => {
      expect(companyToMergeInto('gleif', keys(['lei:AAAA']), withClaims, new Set())).toEqual({ merge: 'identifier', companyId: 'lei:AAAA' });
      // The item's LEI names Borealis, its own id the operator's row: Borealis, and the row's company joins it later.
      expect(companyToMergeInto('wikidata', keys(['lei:BBBB', 'wikidata:Q7']), withClaims, new Set())).toEqual({ merge: 'identifier', companyId: 'lei:B' });
      // Two companies of claims only: the one of the first identifier (the LEI's).
      expect(companyToMergeInto('wikidata', keys(['lei:AAAA', 'wikidata:Q7']), withClaims, new Set())).toEqual({ merge: 'identifier', companyId: 'lei:AAAA' });
      // A claim in a company of data sets still counts as a rival: Borealis and Corvid are a conflict.
      expect(companyToMergeInto('wikidata', keys(['lei:BBBB', 'cik:0000000002']), withClaims, new Set())).toMatchObject({ merge: 'conflict' });
      // The operator says the item's company is LEI EEEE: GLEIF's record of it joins, one of another LEI does not by name.
      expect(companyToMergeInto('gleif', keys(['lei:EEEE']), withClaims, new Set())).toEqual({ merge: 'identifier', companyId: 'wikidata:Q8' });
      expect(companyToMergeInto('gleif', keys(['lei:ZZZZ'], ['egret']), withClaims, new Set())).toEqual({ merge: 'none' });
      expect(companyToMergeInto('gleif', keys([], ['egret']), withClaims, new Set())).toEqual({ merge: 'keys', companyId: 'wikidata:Q8' });
    });
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
