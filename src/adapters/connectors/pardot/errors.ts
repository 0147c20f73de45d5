import { parseRetryAfterMs } from '../../../domain/budget/retryAfter';
import type { MapHttpResponse, MapVerdict } from '../mapKit/mapHttp';
import { PARDOT } from './provider';
import { errorBody } from './wire';

export function readError(bodyText: string): { code: number; message: string } | undefined {
  try {
    const parsed = errorBody.safeParse(JSON.parse(bodyText));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * §3: codes 66 (concurrency) and 122 (daily limit) whatever the HTTP status; 401 → refresh; 429/5xx → retry; other
 * errors permanent with Pardot's message verbatim.
 */
export function classifyPardot(response: MapHttpResponse, _attempt: number, now: Date): MapVerdict {
  const { status } = response;
  const body = readError(response.bodyText);
  if (body?.code === PARDOT.concurrencyCode) {
    return { kind: 'retry', code: String(body.code), message: body.message, afterMs: parseRetryAfterMs(response.headers.get('retry-after'), now) ?? PARDOT.concurrencyWaitMs };
  }
  if (body?.code === PARDOT.dailyLimitCode) return { kind: 'api_limit', code: String(body.code), message: body.message };
  if (status >= 200 && status < 300) return { kind: 'ok' };
  const code = body ? String(body.code) : `HTTP_${status}`;
  const message = body?.message ?? `Pardot answered HTTP ${status}.`;
  if (status === 401) return { kind: 'reauth', code, message };
  if (status === 429) return { kind: 'retry', code, message, afterMs: parseRetryAfterMs(response.headers.get('retry-after'), now) };
  if (status >= 500) return { kind: 'retry', code, message, afterMs: undefined };
  return { kind: 'permanent', code, message };
}

/** §3: `x-api-usage: used/max` when X-Return-Api-Usage: 1 was sent. */
export function usageOf(response: MapHttpResponse): { used: number; max: number } | undefined {
  const match = /^(\d+)\s*\/\s*(\d+)$/.exec(response.headers.get('x-api-usage') ?? '');
  return match ? { used: Number(match[1]), max: Number(match[2]) } : undefined;
}
