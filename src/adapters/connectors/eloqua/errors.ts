import { parseRetryAfterMs } from '../../../domain/budget/retryAfter';
import type { MapHttpResponse, MapVerdict } from '../mapKit/mapHttp';
import { validationErrors } from './wire';

/** Eloqua's reason in plain words: validation requirement messages, else the body text (trimmed), else the status. */
export function reasonOf(response: MapHttpResponse): string {
  try {
    const parsed = validationErrors.safeParse(JSON.parse(response.bodyText));
    if (parsed.success && parsed.data.length > 0) return parsed.data.map((error) => error.requirement?.message ?? error.property ?? 'invalid').join(' ');
  } catch {
    // Not JSON: Eloqua often answers in plain text.
  }
  const text = response.bodyText.trim().slice(0, 500);
  return text === '' ? `Eloqua answered HTTP ${response.status}.` : text;
}

/** §3: 401 → refresh (or reauth for Basic), 429 → wait (Retry-After when sent), 5xx → retry, else permanent. */
export function classifyEloqua(response: MapHttpResponse, _attempt: number, now: Date): MapVerdict {
  const { status } = response;
  if (status >= 200 && status < 300) return { kind: 'ok' };
  const code = `HTTP_${status}`;
  const message = reasonOf(response);
  if (status === 401) return { kind: 'reauth', code, message };
  if (status === 429) return { kind: 'retry', code, message, afterMs: parseRetryAfterMs(response.headers.get('retry-after'), now) };
  if (status >= 500) return { kind: 'retry', code, message, afterMs: undefined };
  return { kind: 'permanent', code, message };
}
