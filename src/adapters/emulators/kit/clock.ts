/**
 * The emulated time of an ad-channel emulator: real time plus an offset that tests (or `POST /__emulator/clock`)
 * move forward, so delays measured in hours (LinkedIn BUILDING → READY, Meta's 90-minute sessions, daily quotas)
 * pass without sleeping. A fixed `now` function can be given instead (tests that pin the date).
 */
export class EmulatorClock {
  private offsetMs = 0;

  constructor(private readonly base: () => Date = () => new Date()) {}

  now(): Date {
    return new Date(this.base().getTime() + this.offsetMs);
  }

  nowMs(): number {
    return this.now().getTime();
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export const SECOND_MS = 1_000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** The UTC day number of a time, for quotas that reset when the emulated day rolls over. */
export function dayOf(ms: number): number {
  return Math.floor(ms / DAY_MS);
}
