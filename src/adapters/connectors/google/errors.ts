import type { ChannelAnswer, ChannelVerdict } from '../adChannelHttp';
import { retryAfterOf } from '../adChannelHttp';
import { rpcStatus } from './wire';

/** Google answers (google.rpc.Status, google-ads.md §2) → what to do (STYLE.md §3.10). */
function statusOf(bodyText: string) {
  try {
    const parsed = rpcStatus.safeParse(JSON.parse(bodyText));
    return parsed.success ? parsed.data.error : undefined;
  } catch {
    return undefined;
  }
}

function errorCodesOf(error: ReturnType<typeof statusOf>): string[] {
  return (error?.details ?? []).flatMap((detail) => (detail.errors ?? []).flatMap((entry) => Object.values(entry.errorCode ?? {})));
}

export function classifyGoogleAnswer(answer: ChannelAnswer, now: Date, attempt: number): ChannelVerdict | undefined {
  if (answer.status >= 200 && answer.status < 300) return undefined;
  const error = statusOf(answer.bodyText);
  const codes = errorCodesOf(error);
  const status = error?.status ?? '';
  const message = error?.message ?? `Google answered HTTP ${answer.status}.`;
  const providerCode = codes[0] ?? (status || `HTTP_${answer.status}`);
  if (answer.status === 401 || status === 'UNAUTHENTICATED') return { kind: 'reauth', code: 'token_expired', message };
  if (answer.status === 429 || status === 'RESOURCE_EXHAUSTED' || codes.some((code) => code.startsWith('RESOURCE_'))) {
    return { kind: 'retry', code: 'quota_exceeded', afterMs: retryAfterOf(answer, now, attempt), message };
  }
  // One writer per audience avoids it; another tool writing to the same list can still cause it: wait and retry.
  if (codes.includes('CONCURRENT_MODIFICATION')) return { kind: 'retry', code: 'channel_outage', afterMs: retryAfterOf(answer, now, attempt), message };
  if (codes.includes('CUSTOMER_NOT_ACCEPTED_CUSTOMER_DATA_TERMS')) return { kind: 'permanent', code: 'terms_not_accepted', message, providerCode };
  if (answer.status === 403 || status === 'PERMISSION_DENIED') return { kind: 'permanent', code: 'missing_permission', message, providerCode };
  if (answer.status === 404 || status === 'NOT_FOUND') return { kind: 'audience_missing', message };
  if (answer.status >= 500 || status === 'UNAVAILABLE' || status === 'INTERNAL') {
    return { kind: 'retry', code: 'channel_outage', afterMs: retryAfterOf(answer, now, attempt), message };
  }
  return { kind: 'permanent', code: 'unexpected_answer', message, providerCode };
}
