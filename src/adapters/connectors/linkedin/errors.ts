import type { ChannelAnswer, ChannelVerdict } from '../adChannelHttp';
import { retryAfterOf } from '../adChannelHttp';
import { LINKEDIN } from './provider';
import { errorBody, tokenError } from './wire';

/** LinkedIn answers → what to do (linkedin.md §6; STYLE.md §3.10). */
function messageOf(bodyText: string): string | undefined {
  try {
    const parsed = errorBody.safeParse(JSON.parse(bodyText));
    return parsed.success ? parsed.data.message : undefined;
  } catch {
    return undefined;
  }
}

export function classifyLinkedInAnswer(answer: ChannelAnswer, now: Date, attempt: number): ChannelVerdict | undefined {
  const { status } = answer;
  if (status >= 200 && status < 300) return undefined;
  const message = messageOf(answer.bodyText);
  if (status === 401) return { kind: 'reauth', code: 'token_expired', message: 'LinkedIn refused the login (401).' };
  if (status === 403) {
    return { kind: 'permanent', code: 'missing_permission', message: message ?? 'LinkedIn refused access to the ad account (403).', providerCode: 'HTTP_403' };
  }
  if (status === 429) return { kind: 'retry', code: 'quota_exceeded', afterMs: retryAfterOf(answer, now, attempt), message: 'LinkedIn rate limit reached (429).' };
  if ((LINKEDIN.retryableStatuses as readonly number[]).includes(status)) {
    return { kind: 'retry', code: 'channel_outage', afterMs: retryAfterOf(answer, now, attempt), message: `LinkedIn answered HTTP ${status}.` };
  }
  if (status === 404) return { kind: 'audience_missing', message: message ?? 'LinkedIn does not know this DMP segment (404).' };
  return { kind: 'permanent', code: 'unexpected_answer', message: message ?? `LinkedIn answered HTTP ${status}.`, providerCode: `HTTP_${status}` };
}

/** A token endpoint refusal: invalid_grant (expired or revoked refresh token) means sign in again. */
export function classifyLinkedInTokenError(answer: ChannelAnswer): { isTransient: boolean; error: string } {
  if (answer.status === 429 || answer.status >= 500) return { isTransient: true, error: `HTTP_${answer.status}` };
  try {
    const parsed = tokenError.safeParse(JSON.parse(answer.bodyText));
    return { isTransient: false, error: parsed.success ? parsed.data.error : 'invalid_grant' };
  } catch {
    return { isTransient: false, error: 'invalid_grant' };
  }
}
