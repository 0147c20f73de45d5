/**
 * Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). Returns milliseconds to wait, clamped to
 * [0, maxMs]; undefined when the header is absent or unreadable, so the caller uses its own backoff.
 */
export function parseRetryAfterMs(header: string | null | undefined, now: Date, maxMs = 15 * 60_000): number | undefined {
  if (header === null || header === undefined) return undefined;
  const text = header.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return clamp(Math.round(Number(text) * 1000), maxMs);
  // An HTTP date always names the weekday or month; anything else ("-5") is unreadable.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return clamp(at - now.getTime(), maxMs);
}

function clamp(ms: number, maxMs: number): number {
  return Math.min(Math.max(ms, 0), maxMs);
}

/** Exponential backoff for transient failures without a Retry-After: 1 s, 2 s, 4 s, … capped. */
export function backoffMs(attempt: number, baseMs = 1_000, capMs = 60_000): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
}
