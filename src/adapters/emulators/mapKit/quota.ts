/** An injected clock (tests move it; the day and the burst window roll over on it). */
export interface EmulatorClock {
  now(): Date;
}

export const systemClock: EmulatorClock = { now: () => new Date() };

export interface QuotaOptions {
  /** Calls allowed per burst window (0 = no burst limit). */
  readonly burstLimit: number;
  readonly burstWindowMs: number;
  /** Calls allowed per day (0 = no daily limit). */
  readonly dailyLimit: number;
  /** Offset of the provider's day from UTC, hours (Marketo: CST = -6). */
  readonly dayOffsetHours?: number;
}

export type QuotaVerdict = { readonly kind: 'ok' } | { readonly kind: 'burst'; readonly retryAfterMs: number } | { readonly kind: 'daily' };

/**
 * Per-portal/instance/business-unit counters of the MAP emulators: a rolling burst window and a daily count that
 * resets when the provider's day changes on the injected clock.
 */
export class EmulatorQuota {
  private day = '';
  private usedToday = 0;
  private burst: number[] = [];

  constructor(
    private readonly clock: EmulatorClock,
    public options: QuotaOptions,
  ) {}

  private dayOf(at: Date): string {
    return new Date(at.getTime() + (this.options.dayOffsetHours ?? 0) * 3_600_000).toISOString().slice(0, 10);
  }

  private roll(): void {
    const today = this.dayOf(this.clock.now());
    if (today !== this.day) {
      this.day = today;
      this.usedToday = 0;
    }
  }

  /** Decides a call without counting it. */
  check(): QuotaVerdict {
    this.roll();
    if (this.options.dailyLimit > 0 && this.usedToday >= this.options.dailyLimit) return { kind: 'daily' };
    const now = this.clock.now().getTime();
    this.burst = this.burst.filter((at) => at > now - this.options.burstWindowMs);
    if (this.options.burstLimit > 0 && this.burst.length >= this.options.burstLimit) {
      return { kind: 'burst', retryAfterMs: Math.max(0, (this.burst[0] ?? now) + this.options.burstWindowMs - now) };
    }
    return { kind: 'ok' };
  }

  /** Counts one call. */
  count(): void {
    this.roll();
    this.usedToday += 1;
    this.burst.push(this.clock.now().getTime());
  }

  get used(): number {
    this.roll();
    return this.usedToday;
  }

  get burstRemaining(): number {
    return Math.max(0, this.options.burstLimit - this.burst.length);
  }

  /** Spends the day's allowance (fault: daily quota exhausted). */
  exhaustDay(): void {
    this.roll();
    this.usedToday = this.options.dailyLimit > 0 ? this.options.dailyLimit : Number.MAX_SAFE_INTEGER;
  }

  /** Fills the burst window (fault: rate limit). */
  fillBurst(): void {
    const now = this.clock.now().getTime();
    const limit = this.options.burstLimit > 0 ? this.options.burstLimit : 1;
    this.burst = Array.from({ length: limit }, () => now);
    if (this.options.burstLimit === 0) this.options = { ...this.options, burstLimit: 1 };
  }
}
