/** Segments API requests each API key may make per minute (fixed one-minute windows). */
export const SEGMENTS_API_REQUESTS_PER_MINUTE = 120;

const WINDOW_MS = 60_000;

export function rateWindowStart(now: Date): Date {
  return new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
}

/** Seconds until the window after `now` opens (at least 1). */
export function retryAfterSeconds(now: Date): number {
  return Math.max(1, Math.ceil((rateWindowStart(now).getTime() + WINDOW_MS - now.getTime()) / 1000));
}

export function rateLimitMessage(limit: number, waitSeconds: number): string {
  return `This API key made more than ${limit} requests in a minute. Try again in ${waitSeconds} second${waitSeconds === 1 ? '' : 's'}.`;
}
