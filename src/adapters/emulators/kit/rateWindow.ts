import { dayOf, MINUTE_MS } from './clock';

/**
 * Counts calls per key in fixed windows of the emulated clock (e.g. LinkedIn's 300 /companies calls per member per
 * minute, Meta's calls per ad account). `take` answers whether the call is allowed and, when not, how many seconds
 * remain until the window resets.
 */
export class RateWindow {
  private readonly windows = new Map<string, { startMs: number; count: number }>();

  constructor(
    public limit: number,
    private readonly windowMs: number = MINUTE_MS,
  ) {}

  take(key: string, nowMs: number): { isAllowed: true } | { isAllowed: false; retryAfterSeconds: number } {
    let window = this.windows.get(key);
    if (!window || nowMs - window.startMs >= this.windowMs) {
      window = { startMs: nowMs, count: 0 };
      this.windows.set(key, window);
    }
    if (window.count >= this.limit) return { isAllowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.startMs + this.windowMs - nowMs) / 1000)) };
    window.count += 1;
    return { isAllowed: true };
  }

  used(key: string): number {
    return this.windows.get(key)?.count ?? 0;
  }
}

/** A daily allowance (operations per emulated UTC day); `exhaust` uses it up until the day rolls over. */
export class DailyQuota {
  private day = -1;
  private usedToday = 0;

  constructor(public limit: number) {}

  private roll(nowMs: number): void {
    const today = dayOf(nowMs);
    if (today !== this.day) {
      this.day = today;
      this.usedToday = 0;
    }
  }

  /** Counts `amount` operations; false (and nothing counted) when they would exceed the allowance. */
  take(nowMs: number, amount = 1): boolean {
    this.roll(nowMs);
    if (this.usedToday + amount > this.limit) return false;
    this.usedToday += amount;
    return true;
  }

  used(nowMs: number): number {
    this.roll(nowMs);
    return this.usedToday;
  }

  exhaust(nowMs: number): void {
    this.roll(nowMs);
    this.usedToday = this.limit;
  }
}
