import { parseRetryAfterMs } from '../../../domain/budget/retryAfter';
import type { MapHttpResponse, MapVerdict } from '../mapKit/mapHttp';
import { MARKETO } from './provider';
import { envelope } from './wire';

/**
 * §3: Marketo answers HTTP 200 with success:false and a code: 601/602 → refresh, 606/615 → wait, 607 → the day's
 * quota is spent, anything else → permanent with Marketo's message verbatim. Gateway 401/429/5xx are handled too.
 */
export function classifyMarketo(response: MapHttpResponse, _attempt: number, now: Date): MapVerdict {
  const { status } = response;
  if (status === 401) return { kind: 'reauth', code: 'HTTP_401', message: 'Marketo refused the access token.' };
  if (status === 429) return { kind: 'retry', code: 'HTTP_429', message: 'Marketo is busy (HTTP 429).', afterMs: parseRetryAfterMs(response.headers.get('retry-after'), now) };
  if (status >= 500) return { kind: 'retry', code: `HTTP_${status}`, message: `Marketo answered HTTP ${status}.`, afterMs: undefined };
  if (status !== 200) return { kind: 'permanent', code: `HTTP_${status}`, message: `Marketo answered HTTP ${status}.` };
  let body: unknown;
  try {
    body = JSON.parse(response.bodyText);
  } catch {
    return { kind: 'permanent', code: 'INVALID_RESPONSE', message: 'Marketo answered with a body that is not JSON.' };
  }
  const parsed = envelope.safeParse(body);
  if (!parsed.success) return { kind: 'permanent', code: 'INVALID_RESPONSE', message: 'Marketo answered in an unexpected shape.' };
  if (parsed.data.success) return { kind: 'ok' };
  const first = parsed.data.errors?.[0] ?? { code: 'unknown', message: 'Marketo reported a failure without an error.' };
  const message = `${first.message} (${first.code})`;
  if ((MARKETO.reauthCodes as readonly string[]).includes(first.code)) return { kind: 'reauth', code: first.code, message };
  if ((MARKETO.rateLimitCodes as readonly string[]).includes(first.code)) return { kind: 'retry', code: first.code, message, afterMs: MARKETO.rateLimitWaitMs[first.code] };
  if (first.code === MARKETO.dailyQuotaCode) return { kind: 'api_limit', code: first.code, message };
  return { kind: 'permanent', code: first.code, message };
}
