import { parseRetryAfterMs } from '../../../domain/budget/retryAfter';
import type { CrmProviderUsage } from '../../../ports/crmConnector';
import type { MapHttpResponse, MapVerdict } from '../mapKit/mapHttp';
import { HUBSPOT } from './provider';
import { errorBody } from './wire';

/** What a HubSpot error body says, or {} when the body is not one. */
export function readError(bodyText: string): { message?: string | undefined; category?: string | undefined; policyName?: string | undefined } {
  try {
    const parsed = errorBody.safeParse(JSON.parse(bodyText));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** §3: 429 DAILY → the day's quota is spent; other 429s → wait the rolling interval; 401 → refresh; 5xx → retry. */
export function classifyHubSpot(response: MapHttpResponse, _attempt: number, now: Date): MapVerdict {
  const { status } = response;
  if (status >= 200 && status < 300) return { kind: 'ok' };
  const body = readError(response.bodyText);
  const message = body.message ?? `HubSpot answered HTTP ${status}.`;
  const code = body.policyName ?? body.category ?? `HTTP_${status}`;
  if (status === 401) return { kind: 'reauth', code, message };
  if (status === 429) {
    if (body.policyName === 'DAILY') return { kind: 'api_limit', code, message };
    const interval = Number(response.headers.get('x-hubspot-ratelimit-interval-milliseconds'));
    const afterMs = parseRetryAfterMs(response.headers.get('retry-after'), now) ?? (interval > 0 ? interval : HUBSPOT.defaultRateLimitWaitMs);
    return { kind: 'retry', code, message, afterMs };
  }
  if (status >= 500) return { kind: 'retry', code, message, afterMs: undefined };
  return { kind: 'permanent', code, message };
}

/** §3 daily headers → the portal's usage today. */
export function usageOf(response: MapHttpResponse): CrmProviderUsage | undefined {
  const max = Number(response.headers.get('x-hubspot-ratelimit-daily'));
  const remaining = Number(response.headers.get('x-hubspot-ratelimit-daily-remaining'));
  if (!Number.isFinite(max) || max <= 0 || !Number.isFinite(remaining) || response.headers.get('x-hubspot-ratelimit-daily-remaining') === null) return undefined;
  return { used: Math.max(0, max - remaining), max };
}
