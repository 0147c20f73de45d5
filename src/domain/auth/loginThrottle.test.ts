import { describe, expect, it } from 'vitest';
import { ACCOUNT_THROTTLE, afterFailedLogIn, describeWait, remainingWaitMs, type LoginThrottleState } from './loginThrottle';

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, seconds));

function failures(count: number): LoginThrottleState | undefined {
  let state: LoginThrottleState | undefined;
  for (let index = 0; index < count; index++) state = afterFailedLogIn(state, at(0), ACCOUNT_THROTTLE);
  return state;
}

describe('log-in throttle', () => {
  it.each([
    [1, 0],
    [4, 0],
    [5, 30_000],
    [6, 60_000],
    [7, 120_000],
    [20, 15 * 60_000],
  ])('after %i quick failures the wait is %i ms', (count, waitMs) => {
    expect(remainingWaitMs(failures(count), at(0))).toBe(waitMs);
  });

  it('the wait runs out with time', () => {
    expect(remainingWaitMs(failures(5), at(29))).toBe(1000);
    expect(remainingWaitMs(failures(5), at(30))).toBe(0);
  });

  it('forgets failures after a quiet hour', () => {
    const old = failures(4);
    const later = new Date(at(0).getTime() + ACCOUNT_THROTTLE.forgetAfterMs + 1);
    expect(afterFailedLogIn(old, later, ACCOUNT_THROTTLE)).toEqual({ failureCount: 1, lastFailureAt: later, blockedUntil: null });
  });

  it.each([
    [0, '1 second'],
    [1000, '1 second'],
    [29_500, '30 seconds'],
    [60_000, '60 seconds'],
    [120_000, '2 minutes'],
    [15 * 60_000, '15 minutes'],
  ])('describes a wait of %i ms as "%s"', (waitMs, text) => {
    expect(describeWait(waitMs)).toBe(text);
  });
});
