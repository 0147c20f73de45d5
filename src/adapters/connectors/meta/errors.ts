import type { ChannelAnswer, ChannelVerdict } from '../adChannelHttp';
import { retryAfterOf } from '../adChannelHttp';
import { META } from './provider';
import { graphError } from './wire';

/** Meta Graph answers → what to do (meta.md §5; STYLE.md §3.10). */
function graphErrorOf(bodyText: string) {
  try {
    const parsed = graphError.safeParse(JSON.parse(bodyText));
    return parsed.success ? parsed.data.error : undefined;
  } catch {
    return undefined;
  }
}

/** Meta's own wait signal: x-business-use-case-usage → estimated_time_to_regain_access (minutes). */
function regainAccessMs(header: string | null): number | undefined {
  if (!header) return undefined;
  try {
    const usage = JSON.parse(header) as Record<string, Array<{ estimated_time_to_regain_access?: number }>>;
    const minutes = Math.max(0, ...Object.values(usage).flat().map((entry) => entry.estimated_time_to_regain_access ?? 0));
    return minutes > 0 ? minutes * 60_000 : undefined;
  } catch {
    return undefined;
  }
}

const has = (list: readonly number[], value: number | undefined) => value !== undefined && list.includes(value);

export function classifyMetaAnswer(answer: ChannelAnswer, now: Date, attempt: number): ChannelVerdict | undefined {
  if (answer.status >= 200 && answer.status < 300) return undefined;
  const error = graphErrorOf(answer.bodyText);
  const code = error?.code;
  const subcode = error?.error_subcode;
  const message = error?.error_user_msg ?? error?.message ?? `Meta answered HTTP ${answer.status}.`;
  const providerCode = code === undefined ? `HTTP_${answer.status}` : `${code}${subcode === undefined ? '' : `/${subcode}`}`;
  // 190 comes back as HTTP 400, not 401: classify by code first.
  if (has(META.tokenCodes, code) || answer.status === 401) {
    return { kind: 'reauth', code: has(META.revokedSubcodes, subcode) ? 'token_revoked' : 'token_expired', message };
  }
  if (has(META.rateLimitCodes, code) || answer.status === 429) {
    const afterMs = regainAccessMs(answer.headers.get('x-business-use-case-usage')) ?? retryAfterOf(answer, now, attempt);
    return { kind: 'retry', code: 'quota_exceeded', afterMs, message };
  }
  if (has(META.deletedAudienceCodes, code) || has(META.deletedAudienceCodes, subcode)) return { kind: 'audience_missing', message };
  if (has(META.termsNotAcceptedSubcodes, subcode)) return { kind: 'permanent', code: 'terms_not_accepted', message, providerCode };
  if (has(META.permissionCodes, code) || answer.status === 403) return { kind: 'permanent', code: 'missing_permission', message, providerCode };
  // 2650/1870145: an update is already in progress: wait for it.
  if (code === 2650 && subcode === 1870145) return { kind: 'retry', code: 'channel_outage', afterMs: retryAfterOf(answer, now, attempt), message };
  if (answer.status >= 500 || code === 1 || code === 2) return { kind: 'retry', code: 'channel_outage', afterMs: retryAfterOf(answer, now, attempt), message };
  // 100/33: the object does not exist (deleted audience read by id).
  if (code === 100 && subcode === 33) return { kind: 'audience_missing', message };
  return { kind: 'permanent', code: 'unexpected_answer', message, providerCode };
}
