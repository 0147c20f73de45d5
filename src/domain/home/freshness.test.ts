import { describe, expect, it } from 'vitest';
import { freshnessOf, matchRatePercent } from './freshness';

const now = new Date('2026-12-06T12:00:00Z');

describe('freshnessOf', () => {
  it.each([
    [null, 'never'],
    ['2026-12-06T11:00:00Z', 'day'],
    ['2026-12-05T12:00:00Z', 'day'],
    ['2026-12-05T11:59:59Z', 'week'],
    ['2026-11-29T12:00:00Z', 'week'],
    ['2026-11-29T11:00:00Z', 'older'],
  ] as const)('%s is %s', (refreshedAt, bucket) => {
    expect(freshnessOf(refreshedAt === null ? null : new Date(refreshedAt), now)).toBe(bucket);
  });
});

describe('matchRatePercent', () => {
  it.each([
    [0, 0, null],
    [3, 4, 75],
    [2, 3, 66.7],
    [5, 5, 100],
  ] as const)('%i of %i is %s', (matched, read, percent) => {
    expect(matchRatePercent(matched, read)).toBe(percent);
  });
});
