import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { MatchResult } from '../../domain/matching/types';
import { decodeRecords, decodeResults, encodeRecords, encodeResults, recordRowIds } from './matchResultCodec';

const results: MatchResult[] = [
  { rowId: 'r1', status: 'matched', companyId: 'C1', score: 0.97, reason: null, candidates: [{ companyId: 'C1', score: 0.97 }, { companyId: 'C9', score: 0.41 }] },
  { rowId: 'r2', status: 'matched', companyId: 'C2', score: 0.9, reason: null, candidates: [{ companyId: 'C2', score: 0.9 }], note: 'name_country_fallback' },
  { rowId: 'r3', status: 'unmatched', companyId: null, score: null, reason: 'excluded_domain', candidates: [] },
  { rowId: 'r4', status: 'unmatched', companyId: null, score: 0.62, reason: 'low_score', candidates: [{ companyId: 'C1', score: 0.62 }, { companyId: 'C2', score: 0.6 }, { companyId: 'C3', score: -0 }] },
];

describe('match result codec', () => {
  it('round-trips results exactly (absent note stays absent)', () => {
    const encoded = encodeResults(results);
    expect(encoded).not.toBeNull();
    const decoded = decodeResults(encoded as NonNullable<typeof encoded>);
    expect(isDeepStrictEqual(decoded, results)).toBe(true);
    expect('note' in (decoded[0] as MatchResult)).toBe(false);
  });

  it('carries a company that is not the first candidate, and a company offered in several rows', () => {
    const odd: MatchResult[] = [
      { rowId: 'a', status: 'duplicate', companyId: 'C7', score: 0.9, reason: null, candidates: [{ companyId: 'C8', score: 0.95 }, { companyId: 'C7', score: 0.9 }] },
      { rowId: 'b', status: 'matched', companyId: 'C8', score: 0.95, reason: null, candidates: [{ companyId: 'C8', score: 0.95 }] },
      { rowId: 'c', status: 'matched', companyId: 'C9', score: 0.99, reason: null, candidates: [] },
    ];
    const encoded = encodeResults(odd);
    expect(isDeepStrictEqual(decodeResults(encoded as NonNullable<typeof encoded>), odd)).toBe(true);
  });

  it('leaves out the row ids the receiver has, and carries those that differ', () => {
    const sent = ['r1', 'r2', 'other', 'r4'];
    const encoded = encodeResults(results, sent);
    expect(encoded?.strings).not.toContain('r1');
    expect(encoded?.strings).toContain('r3');
    expect(isDeepStrictEqual(decodeResults(encoded as NonNullable<typeof encoded>, sent), results)).toBe(true);
    expect(recordRowIds(encodeRecords([{ rowId: 'a' }, { rowId: 'b', name: 'B' }]))).toEqual(['a', 'b']);
    expect(recordRowIds(encodeRecords([{ rowId: 'a', email: 'x' } as unknown as { rowId: string }]))).toEqual(['a']);
  });

  it('declines results with a field it does not know, so that nothing is lost', () => {
    const withExtra = [{ ...results[0], explanation: 'why' } as unknown as MatchResult];
    expect(encodeResults(withExtra)).toBeNull();
    expect(encodeResults([{ ...results[0], candidates: [{ companyId: 'C1', score: 1, why: 'x' }] } as unknown as MatchResult])).toBeNull();
  });

  it('sends account records as columns, or as they are when one has another field', () => {
    const records = [{ rowId: '1', name: 'Acme', domain: null, country: undefined }, { rowId: '2', name: 'Beta', domain: 'beta.com', country: 'DE' }];
    const encoded = encodeRecords(records);
    expect('columns' in encoded).toBe(true);
    expect(decodeRecords(encoded)).toEqual(records);
    const odd = [{ rowId: '1', name: 'Acme', email: 'a@acme.com' } as unknown as (typeof records)[number]];
    expect(decodeRecords(encodeRecords(odd))).toStrictEqual(odd);
  });
});
