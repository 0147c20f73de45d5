import { backoffMs, parseRetryAfterMs } from '../../../domain/budget/retryAfter';
import { CRM_MESSAGES } from '../../../domain/crmSources/messages';
import { SALESFORCE } from './provider';
import { restErrors, tokenError } from './wire';

/** What to do with a Salesforce answer that was not a success (STYLE.md §3.10). */
export type Classification =
  | { readonly kind: 'retry'; readonly afterMs: number }
  | { readonly kind: 'reauth' }
  | { readonly kind: 'permanent'; readonly code: string; readonly message: string };

export interface FailedResponse {
  readonly status: number;
  readonly bodyText: string;
  readonly retryAfterHeader: string | null;
}

/** Codes with a meaning of their own, for callers that map them further. */
export const API_LIMIT_CODE = 'REQUEST_LIMIT_EXCEEDED';

/** The first {errorCode, message} of a REST error array (reference §4), or nothing when the body is something else. */
export function firstRestError(bodyText: string): { errorCode: string | undefined; message: string | undefined } {
  try {
    const parsed = restErrors.safeParse(JSON.parse(bodyText));
    const first = parsed.success ? parsed.data[0] : undefined;
    return { errorCode: first?.errorCode, message: first?.message };
  } catch {
    return { errorCode: undefined, message: undefined };
  }
}

/** A REST (data) answer. `attempt` counts earlier retries of the same request, for backoff. */
export function classifyRestError(response: FailedResponse, now: Date, attempt = 0): Classification {
  const { status, bodyText } = response;
  const { errorCode, message } = firstRestError(bodyText);
  const waitMs = parseRetryAfterMs(response.retryAfterHeader, now) ?? backoffMs(attempt);
  if (status === 401) {
    // §3: these two 401 bodies are not an expired session; refreshing would not help.
    if (SALESFORCE.nonRefreshable401Bodies.some((text) => bodyText.includes(text))) {
      return { kind: 'permanent', code: errorCode ?? 'SESSION_NOT_USABLE', message: message ?? 'The Salesforce session cannot use the REST API.' };
    }
    return { kind: 'reauth' };
  }
  if (status === 403 && errorCode === 'REQUEST_LIMIT_EXCEEDED') {
    // §4: "TotalRequests Limit exceeded." is the daily limit; the ConcurrentPerOrg… variants pass in a moment.
    if (message !== undefined && /concurrent/i.test(message)) return { kind: 'retry', afterMs: waitMs };
    return { kind: 'permanent', code: API_LIMIT_CODE, message: CRM_MESSAGES.apiLimitReached };
  }
  if ((SALESFORCE.retryableStatuses as readonly number[]).includes(status)) return { kind: 'retry', afterMs: waitMs };
  if (status === 403) return { kind: 'permanent', code: errorCode ?? 'FORBIDDEN', message: message ?? 'Forbidden.' };
  if (status === 404) return { kind: 'permanent', code: errorCode ?? 'NOT_FOUND', message: message ?? 'The requested resource does not exist' };
  return { kind: 'permanent', code: errorCode ?? `ERROR_HTTP_${status}`, message: message ?? `Salesforce answered HTTP ${status}.` };
}

/**
 * A token endpoint answer (§3). Only the concurrent-refresh case and server trouble are transient; every other token
 * error means the stored credentials no longer work.
 */
export function classifyTokenError(response: FailedResponse, grant: 'refresh_token' | 'authorization_code', now: Date, attempt = 0): Classification {
  if (response.status === 429 || response.status >= 500) {
    return { kind: 'retry', afterMs: parseRetryAfterMs(response.retryAfterHeader, now) ?? backoffMs(attempt) };
  }
  let error: string | undefined;
  let description = '';
  try {
    const parsed = tokenError.safeParse(JSON.parse(response.bodyText));
    if (parsed.success) {
      error = parsed.data.error;
      description = parsed.data.error_description ?? '';
    }
  } catch {
    // Not JSON: treat as a refusal below.
  }
  const isConcurrentRefresh =
    error === 'invalid_grant' &&
    grant === 'refresh_token' &&
    (/already being processed/i.test(description) || /expired authorization code/i.test(description));
  if (isConcurrentRefresh) return { kind: 'retry', afterMs: backoffMs(attempt) };
  return { kind: 'reauth' };
}

/** `Sforce-Limit-Info: api-usage=18/5000; api-bursts=1/750` → {used: 18, max: 5000} (§2). */
export function parseLimitInfo(header: string | null): { used: number; max: number } | undefined {
  if (!header) return undefined;
  const match = /api-usage=(\d+)\/(\d+)/.exec(header);
  if (!match) return undefined;
  return { used: Number(match[1]), max: Number(match[2]) };
}
