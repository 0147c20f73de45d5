import { describe, expect, it } from 'vitest';
import { decideCall, nextAllowanceResetAt, usageDay } from './apiAllowance';

describe('decideCall', () => {
  it.each([
    { dailyAllowance: 10, callsToday: 0, providerUsage: undefined, expected: true },
    { dailyAllowance: 10, callsToday: 9, providerUsage: undefined, expected: true },
    { dailyAllowance: 10, callsToday: 10, providerUsage: undefined, expected: false },
    { dailyAllowance: 10, callsToday: 11, providerUsage: undefined, expected: false },
    { dailyAllowance: 0, callsToday: 0, providerUsage: undefined, expected: false },
    { dailyAllowance: 10, callsToday: 1, providerUsage: { used: 5000, max: 5000 }, expected: false },
    { dailyAllowance: 10, callsToday: 1, providerUsage: { used: 4999, max: 5000 }, expected: true },
  ])('allowance $dailyAllowance, $callsToday used, provider $providerUsage → $expected', ({ expected, ...facts }) => {
    expect(decideCall(facts).isAllowed).toBe(expected);
  });

  it('names the provider limit when the provider is spent but our allowance is not', () => {
    expect(decideCall({ dailyAllowance: 10, callsToday: 0, providerUsage: { used: 7, max: 7 } })).toEqual({
      isAllowed: false,
      reason: 'provider_limit_spent',
    });
  });
});

describe('usage days', () => {
  it('keys by UTC day and resets at the next UTC midnight', () => {
    const lateEvening = new Date('2026-11-23T23:59:59.999Z');
    expect(usageDay(lateEvening)).toBe('2026-11-23');
    expect(nextAllowanceResetAt(lateEvening).toISOString()).toBe('2026-11-24T00:00:00.000Z');
    expect(usageDay(nextAllowanceResetAt(lateEvening))).toBe('2026-11-24');
  });
});
