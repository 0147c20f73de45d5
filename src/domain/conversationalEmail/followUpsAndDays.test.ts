import { describe, expect, it } from 'vitest';
import { localDayBounds } from './schedule';
import { afterSequenceEnds } from './sequence';

describe('afterSequenceEnds', () => {
  it.each([
    [{ followUpIndex: null, followUpCount: 2, hasAnswered: false }, { kind: 'follow_up', followUpIndex: 0 }],
    [{ followUpIndex: 0, followUpCount: 2, hasAnswered: false }, { kind: 'follow_up', followUpIndex: 1 }],
    [{ followUpIndex: 1, followUpCount: 2, hasAnswered: false }, { kind: 'conclude' }],
    [{ followUpIndex: null, followUpCount: 0, hasAnswered: false }, { kind: 'conclude' }],
    [{ followUpIndex: null, followUpCount: 2, hasAnswered: true }, { kind: 'conclude' }],
  ] as const)('%o → %o', (input, expected) => {
    expect(afterSequenceEnds(input)).toEqual(expected);
  });
});

describe('localDayBounds', () => {
  it.each([
    ['2026-03-03T05:00:00Z', 'America/Los_Angeles', '2026-03-02', '2026-03-02T08:00:00.000Z', '2026-03-03T08:00:00.000Z'],
    ['2026-03-02T23:30:00Z', 'Europe/Paris', '2026-03-03', '2026-03-02T23:00:00.000Z', '2026-03-03T23:00:00.000Z'],
    ['2026-03-02T10:00:00Z', 'UTC', '2026-03-02', '2026-03-02T00:00:00.000Z', '2026-03-03T00:00:00.000Z'],
    // The day the clocks go forward in New York is 23 hours long.
    ['2026-03-08T12:00:00Z', 'America/New_York', '2026-03-08', '2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z'],
  ])('%s in %s is the local day %s', (instant, timeZone, day, start, end) => {
    const bounds = localDayBounds(new Date(instant), timeZone);
    expect({ day: bounds.day, start: bounds.start.toISOString(), end: bounds.end.toISOString() }).toEqual({ day, start, end });
  });
});
