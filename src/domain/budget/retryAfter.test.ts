import { describe, expect, it } from 'vitest';
import { backoffMs, parseRetryAfterMs } from './retryAfter';

const now = new Date('2026-11-23T12:00:00Z');

describe('parseRetryAfterMs', () => {
  it.each([
    ['7', 7_000],
    ['0', 0],
    ['1.5', 1_500],
    [' 30 ', 30_000],
    ['Mon, 23 Nov 2026 12:00:20 GMT', 20_000],
    ['Mon, 23 Nov 2026 11:00:00 GMT', 0],
    ['99999', 900_000],
  ])('%s → %d ms', (header, expected) => {
    expect(parseRetryAfterMs(header, now)).toBe(expected);
  });

  it.each([undefined, null, '', 'soon', '-5'])('%s → undefined', (header) => {
    expect(parseRetryAfterMs(header, now)).toBeUndefined();
  });
});

describe('backoffMs', () => {
  it('doubles and caps', () => {
    expect([0, 1, 2, 10].map((attempt) => backoffMs(attempt))).toEqual([1_000, 2_000, 4_000, 60_000]);
  });
});
