/**
 * Log-in throttling, as pure rules: a few failures are free, then each further failure makes the caller wait twice
 * as long as the last time, up to a ceiling. Failures are counted per account (the e-mail typed) and per client
 * address; a success clears the account's count, and a long quiet spell forgets both.
 */
export interface LoginThrottleState {
  readonly failureCount: number;
  readonly lastFailureAt: Date;
  /** Attempts before this instant are refused without looking at the password. */
  readonly blockedUntil: Date | null;
}

export interface LoginThrottlePolicy {
  /** Failures in a row allowed before the first wait. */
  readonly freeFailures: number;
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
  /** A count whose last failure is older than this starts again from zero. */
  readonly forgetAfterMs: number;
}

/** 5 quick failures on one account → 30 s, then 1 min, 2 min … at most 15 min. */
export const ACCOUNT_THROTTLE: LoginThrottlePolicy = { freeFailures: 5, firstDelayMs: 30_000, maxDelayMs: 15 * 60_000, forgetAfterMs: 60 * 60_000 };

/** One address may try several accounts (an office behind one NAT), so it gets more room before waiting. */
export const ADDRESS_THROTTLE: LoginThrottlePolicy = { freeFailures: 20, firstDelayMs: 30_000, maxDelayMs: 15 * 60_000, forgetAfterMs: 60 * 60_000 };

export function accountThrottleKey(email: string): string {
  return `account:${email.trim().toLowerCase()}`;
}

export function addressThrottleKey(address: string): string {
  return `address:${address}`;
}

/** How long the caller must still wait before trying again; 0 when an attempt is allowed now. */
export function remainingWaitMs(state: LoginThrottleState | undefined, now: Date): number {
  if (!state?.blockedUntil) return 0;
  return Math.max(0, state.blockedUntil.getTime() - now.getTime());
}

/** The state after one more failed attempt at `now`. */
export function afterFailedLogIn(state: LoginThrottleState | undefined, now: Date, policy: LoginThrottlePolicy): LoginThrottleState {
  const isForgotten = state === undefined || now.getTime() - state.lastFailureAt.getTime() > policy.forgetAfterMs;
  const failureCount = isForgotten ? 1 : state.failureCount + 1;
  const excess = failureCount - policy.freeFailures;
  if (excess < 0) return { failureCount, lastFailureAt: now, blockedUntil: null };
  const delayMs = Math.min(policy.firstDelayMs * 2 ** Math.min(excess, 30), policy.maxDelayMs);
  return { failureCount, lastFailureAt: now, blockedUntil: new Date(now.getTime() + delayMs) };
}

/** "30 seconds", "2 minutes": how a person reads a wait (rounded up, so it never says 0). */
export function describeWait(waitMs: number): string {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
