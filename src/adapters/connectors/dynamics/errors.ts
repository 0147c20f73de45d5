import { backoffMs, parseRetryAfterMs } from '../../../domain/budget/retryAfter';
import { CRM_MESSAGES } from '../../../domain/crmSources/messages';
import { CrmConnectorError } from '../../../domain/integrations/crmErrors';
import { DYNAMICS_PROVIDER } from './provider';
import { aadErrorSchema, odataErrorSchema } from './wire';

/** STYLE.md §3.10: what to do about a provider answer. */
export type DynamicsFailure =
  | { readonly kind: 'retry'; readonly afterMs: number }
  | { readonly kind: 'reauth' }
  | { readonly kind: 'permanent'; readonly code: string; readonly message: string };

export interface ProviderAnswer {
  readonly status: number;
  readonly retryAfter: string | null;
  /** Parsed JSON body, or the text when it was not JSON, or undefined when empty. */
  readonly body: unknown;
}

/** Codes of our own for permanent failures that have no provider code. */
export const DYNAMICS_FAILURE_CODES = {
  dailyLimit: 'daily_limit',
  fieldNotPermitted: 'field_not_permitted',
  notFound: 'not_found',
  badResponse: 'bad_response',
} as const;

/**
 * A Web API answer (reference §5, §6). 401 → reauth (the client refreshes once before asking); 429 → wait the whole
 * Retry-After, unless it is longer than a service-protection window, which only a daily cap does; 5xx → back off;
 * 403 / 404 / 400 → permanent with Dataverse's code and message.
 */
export function classifyWebApiAnswer(answer: ProviderAnswer, attempt: number, now: Date): DynamicsFailure {
  const odata = odataErrorSchema.safeParse(answer.body);
  const code = odata.success ? odata.data.error.code : `http_${answer.status}`;
  const message = odata.success ? odata.data.error.message : `Dynamics 365 answered HTTP ${answer.status}.`;
  if (answer.status === 401) return { kind: 'reauth' };
  if (answer.status === 429) {
    const afterMs = parseRetryAfterMs(answer.retryAfter, now, Number.MAX_SAFE_INTEGER) ?? backoffMs(attempt);
    if (afterMs > DYNAMICS_PROVIDER.maxRetryWaitMs) return { kind: 'permanent', code: DYNAMICS_FAILURE_CODES.dailyLimit, message: CRM_MESSAGES.apiLimitReached };
    return { kind: 'retry', afterMs };
  }
  if ((DYNAMICS_PROVIDER.retryableStatuses as readonly number[]).includes(answer.status)) {
    return { kind: 'retry', afterMs: parseRetryAfterMs(answer.retryAfter, now, DYNAMICS_PROVIDER.maxRetryWaitMs) ?? backoffMs(attempt) };
  }
  if (answer.status === 403 && /secured field/i.test(message)) return { kind: 'permanent', code: DYNAMICS_FAILURE_CODES.fieldNotPermitted, message };
  if (answer.status === 404) return { kind: 'permanent', code: DYNAMICS_FAILURE_CODES.notFound, message };
  return { kind: 'permanent', code, message };
}

/** A token-endpoint answer (reference §2): every invalid_grant AADSTS code, and a refused client, need a new login. */
export function classifyTokenAnswer(answer: ProviderAnswer, attempt: number, now: Date): DynamicsFailure {
  if (answer.status === 429 || answer.status >= 500) {
    return { kind: 'retry', afterMs: parseRetryAfterMs(answer.retryAfter, now, DYNAMICS_PROVIDER.maxRetryWaitMs) ?? backoffMs(attempt) };
  }
  const aad = aadErrorSchema.safeParse(answer.body);
  if (!aad.success) return { kind: 'permanent', code: `http_${answer.status}`, message: `The Entra ID token endpoint answered HTTP ${answer.status}.` };
  if (['invalid_grant', 'invalid_client', 'unauthorized_client', 'interaction_required', 'consent_required'].includes(aad.data.error)) return { kind: 'reauth' };
  const aadsts = aad.data.error_codes?.[0];
  return { kind: 'permanent', code: aadsts === undefined ? aad.data.error : `AADSTS${aadsts}`, message: firstLine(aad.data.error_description) ?? aad.data.error };
}

/** The first line of an AADSTS description (the rest is trace and correlation ids). */
export function firstLine(text: string | undefined): string | undefined {
  return text?.split(/\r?\n/)[0];
}

/** What a person waiting on the page can do when Dynamics 365 or Entra ID cannot be reached. */
export const DYNAMICS_UNREACHABLE_ADVICE =
  'Check that Dynamics 365 is reachable from the openabm server and that Settings > Integrations shows it connected (reconnect it there if not), then try again.';

/**
 * Failure → the error the use cases act on (domain/integrations/crmErrors.ts). A transient one is worded for whoever
 * waits: a job is told the call will be retried later (the job queue does); a person waiting on the page
 * (CrmCallContext.isPersonWaiting) is told what to do, since nothing will retry for them. `networkFailure`: the call
 * got no answer at all (networkFailureReason), said with its reason instead of "busy".
 */
export function toConnectorError(failure: DynamicsFailure, isPersonWaiting = false, networkFailure?: { readonly what: string; readonly reason: string }): CrmConnectorError {
  switch (failure.kind) {
    case 'reauth':
      return new CrmConnectorError('reauth', 'invalid_grant', DYNAMICS_PROVIDER.unableToLogInMessage);
    case 'retry':
      if (networkFailure) {
        const subject = `${networkFailure.what} could not be reached (${networkFailure.reason})`;
        return new CrmConnectorError('retry', 'NETWORK_ERROR', isPersonWaiting ? `${subject}. ${DYNAMICS_UNREACHABLE_ADVICE}` : `${subject}; the call will be retried later.`, { retryAfterMs: failure.afterMs });
      }
      return new CrmConnectorError('retry', 'transient', `Dynamics 365 is busy or unavailable; ${isPersonWaiting ? 'wait a few minutes, then try again.' : 'the call will be retried later.'}`, { retryAfterMs: failure.afterMs });
    case 'permanent':
      if (failure.code === DYNAMICS_FAILURE_CODES.dailyLimit) return new CrmConnectorError('api_limit', failure.code, CRM_MESSAGES.apiLimitReached);
      return new CrmConnectorError('permanent', failure.code, failure.message);
  }
}
