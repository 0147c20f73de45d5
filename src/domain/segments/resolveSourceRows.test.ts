import { describe, expect, it } from 'vitest';
import type { MatchResult } from '../matching/types';
import { crmRecordsToRows } from './crmRecordRows';
import { countNameCountryFallbacks, countRows, resolveSourceRows, rowKeyOf, snapshotOfRows, type SourceRow } from './resolveSourceRows';

const row = (rowNumber: number, name: string): SourceRow => ({ rowNumber, rowKey: rowKeyOf({ name }), name, domain: null, country: null, crmObjectType: null, crmExternalId: null });
const result = (rowId: string, status: MatchResult['status'], companyId: string | null, reason: MatchResult['reason'] = null): MatchResult => ({
  rowId, status, companyId, reason, score: companyId ? 0.9 : null, candidates: companyId ? [] : [{ companyId: 'cX', score: 0.5 }],
});

describe('resolveSourceRows', () => {
  const rows = [row(1, 'Acme'), row(2, 'ACME'), row(3, 'Nobody'), row(4, 'Globex')];
  const results = new Map([
    ['1', result('1', 'matched', 'c1')],
    ['2', result('2', 'duplicate', 'c1')],
    ['3', result('3', 'unmatched', null, 'no_candidate')],
    ['4', result('4', 'matched', 'c2')],
  ]);

  it('keeps each company once and counts duplicates and unmatched rows', () => {
    const resolved = resolveSourceRows(rows, results, new Map(), null);
    expect(resolved.map((r) => [r.rowNumber, r.status, r.companyId, r.reason])).toEqual([
      [1, 'matched', 'c1', null],
      [2, 'duplicate', 'c1', null],
      [3, 'unmatched', null, 'no_candidate'],
      [4, 'matched', 'c2', null],
    ]);
    expect(countRows(resolved)).toEqual({ recordsRead: 4, matched: 2, unmatched: 1, duplicates: 1, members: 2 });
  });

  it('keeps the note of rows matched on name and country (personal e-mail domain) and counts them apart', () => {
    const noted = new Map([
      ['1', { ...result('1', 'matched', 'c1'), note: 'name_country_fallback' as const }],
      ['2', { ...result('2', 'duplicate', 'c1'), note: 'name_country_fallback' as const }],
      // A result rebuilt from a stored row carries the note in its reason.
      ['4', { ...result('4', 'matched', 'c2'), reason: 'name_country_fallback' as unknown as MatchResult['reason'] }],
    ]);
    const resolved = resolveSourceRows(rows, noted, new Map([[rowKeyOf({ name: 'Globex' }), 'c2']]), null);
    expect(resolved.map((r) => [r.status, r.reason])).toEqual([
      ['matched', 'name_country_fallback'],
      ['duplicate', 'name_country_fallback'],
      ['unmatched', 'no_candidate'],
      // A user's pick is no fallback.
      ['matched', null],
    ]);
    expect(countNameCountryFallbacks(resolved)).toBe(1);
    expect(countNameCountryFallbacks(resolveSourceRows([row(4, 'Globex')], new Map([['4', noted.get('4') as MatchResult]]), new Map(), null))).toBe(1);
  });

  it('applies a user pick over the matcher', () => {
    const resolved = resolveSourceRows(rows, results, new Map([[rowKeyOf({ name: 'Nobody' }), 'c9']]), null);
    expect(resolved[2]).toMatchObject({ status: 'matched', companyId: 'c9', isManualMatch: true });
  });

  it('marks companies the filters leave out and keeps them out of the snapshot', () => {
    const resolved = resolveSourceRows(rows, results, new Map(), new Set(['c2']));
    expect(resolved[0]?.isFilteredOut).toBe(true);
    expect(snapshotOfRows(resolved)).toEqual({ members: [{ companyId: 'c2', rowKey: 'row:globex||', isManualMatch: false }], rowKeys: rows.map((r) => r.rowKey), filteredOutCompanyIds: ['c1'] });
  });
});

describe('crmRecordsToRows', () => {
  const base = { name: undefined, website: undefined, email: undefined, country: undefined, accountExternalId: undefined, companyName: undefined };
  it('maps contacts and converted leads to their accounts, other leads to company + e-mail domain', () => {
    const rows = crmRecordsToRows(
      [
        { ...base, externalId: '001A', objectType: 'account', name: 'Acme', website: 'acme.com', country: 'US' },
        { ...base, externalId: '003C', objectType: 'contact', accountExternalId: '001A', email: 'jo@acme.com' },
        { ...base, externalId: '00QL', objectType: 'lead', companyName: 'Initech', email: 'bob@initech.io', country: 'DE' },
        { ...base, externalId: '00QM', objectType: 'lead', accountExternalId: '001Z', companyName: 'Hooli', email: 'x@hooli.com' },
      ],
      new Map([['001A', { name: 'Acme Inc', website: 'https://acme.com', country: 'United States' }]]),
    );
    expect(rows.map((r) => [r.rowKey, r.name, r.domain, r.country])).toEqual([
      ['account:001A', 'Acme', 'acme.com', 'US'],
      ['account:001A', 'Acme Inc', 'https://acme.com', 'United States'],
      ['lead:00QL', 'Initech', 'initech.io', 'DE'],
      ['account:001Z', 'Hooli', 'hooli.com', null],
    ]);
  });
});
