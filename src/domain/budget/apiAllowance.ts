/**
 * The organisation's contracted daily CRM API allowance (system-notifications.txt: "We stop any synchronization
 * operations the moment we reach the configured allowance"). Days are UTC calendar days: a spent allowance comes back
 * at the next UTC midnight.
 */
export const DEFAULT_DAILY_API_ALLOWANCE = 15_000;
export const MAX_DAILY_API_ALLOWANCE = 10_000_000;

/** 'YYYY-MM-DD' of the UTC day the instant falls in: the key of the usage counter. */
export function usageDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** When the allowance of the day containing `now` is renewed. */
export function nextAllowanceResetAt(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
}

export interface AllowanceFacts {
  /** The org's allowance for this provider. */
  readonly dailyAllowance: number;
  /** Calls already counted today. */
  readonly callsToday: number;
  /** The provider's own daily limit as last seen today (Sforce-Limit-Info / limits), if any. */
  readonly providerUsage: { readonly used: number; readonly max: number } | undefined;
}

export type AllowanceDecision =
  | { readonly isAllowed: true; readonly remainingAfter: number }
  | { readonly isAllowed: false; readonly reason: 'allowance_spent' | 'provider_limit_spent' };

/** May one more call be made? Never lets the counter pass the allowance. */
export function decideCall(facts: AllowanceFacts): AllowanceDecision {
  if (facts.callsToday >= facts.dailyAllowance) return { isAllowed: false, reason: 'allowance_spent' };
  if (facts.providerUsage && facts.providerUsage.max > 0 && facts.providerUsage.used >= facts.providerUsage.max) {
    return { isAllowed: false, reason: 'provider_limit_spent' };
  }
  return { isAllowed: true, remainingAfter: facts.dailyAllowance - facts.callsToday - 1 };
}
