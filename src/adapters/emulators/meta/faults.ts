/**
 * Fault API of the Meta (Graph) emulator — for connector tests and sandbox demos.
 *
 * Inject in tests with `emulator.injectFault(name, options)` (returns a function lifting it; state faults cannot be
 * lifted), or over HTTP: `POST {baseUrl}/__emulator/faults` `{"fault": name, "times"?: n, "retryAfterSeconds"?: s,
 * "status"?: n, "delayMs"?: ms, "code"?: n, "audienceId"?: id, "pathPrefix"?: "/v24.0/…"}`; `DELETE /__emulator/faults`
 * clears the request-answering ones. Request faults answer every Graph call (any `/vNN.0/…` path except the OAuth
 * dialog and token endpoints) for `times` requests (default: until cleared), or only paths starting with `pathPrefix`.
 *
 * | name                   | effect on the wire                                                                                       |
 * |------------------------|----------------------------------------------------------------------------------------------------------|
 * | expired_token          | state: every access token expires → HTTP 400 `{error:{code:190, error_subcode:463, type:OAuthException}}`; `status: 401` variant |
 * | revoked_token          | state: the user removed the app → 400 code 190 / subcode 458 on every call (re-authorise)                  |
 * | permission_denied      | 403 `(#200) The current user can not update audience …` (code 200)                                         |
 * | missing_ads_management | 400 code 294 "Missing permission…ads_management…"                                                         |
 * | tos_not_accepted       | state: Custom Audience Terms not accepted on every account (or `audienceId`'s) → 403 code 200 / subcode 1870090 on create and /users |
 * | account_not_linked     | state: ad accounts not linked to the Business Manager → 403 code 200 / subcode 1870050                     |
 * | rate_limit             | `code` 80003 (default) or 80004 → HTTP 429 with `x-business-use-case-usage` (estimated_time_to_regain_access); 613 → 400 with the same header; 17 / 4 → 400 with `x-app-usage`. `Retry-After` only when `retryAfterSeconds` is given |
 * | quota_exhausted        | state: the app's daily call allowance is used up → 400 code 4 "(#4) Application request limit reached" (`code: 17` → user limit) until the emulated day rolls over (`POST /__emulator/clock`) |
 * | server_error           | 500 code 1 "An unknown error has occurred." (is_transient); `status: 503` → code 2 "Service temporarily unavailable" |
 * | slow                   | the real answer after `delayMs` (default 2,000 ms)                                                         |
 * | audience_deleted       | state: the audience (`audienceId`, default every one) was deleted on Meta → its edges answer 400 code 100 / subcode 1487366 "Custom Audience Has Been Deleted"; GET on it → code 100 / subcode 33 |
 * | audience_unshared      | state: 400 code 100 / subcode 1487301 "Custom Audience Unavailable…not been shared with your ad account"      |
 * | audience_flagged       | state: operation_status 471; edits answer 400 code 100 / subcode 1713230 "Audience Upload Blocked"         |
 * | consent_denied         | the OAuth dialog redirects with `error=access_denied&error_code=200&error_reason=user_denied`              |
 *
 * Always-on limits (not faults): at most 10,000 rows per /users request (code 105); sessions (batch_seq from 1,
 * last_batch_flag, 90-minute window → code 2650 subcodes 1870147 / 1870159 / 1870158; usersreplace while another
 * replace runs → 1870145); 500 audiences per ad account; audience-edge calls per ad account per minute (default 600)
 * → 429 code 80003 with `x-business-use-case-usage`; malformed hashes counted in `num_invalid_entries` with samples.
 * Inspection: `GET /__emulator/audiences`, `GET /__emulator/audiences/:id/members`; clock: `POST /__emulator/clock {advanceMs}`.
 */
import type { ChannelFaultOptions } from '../kit/controlRoutes';
import { addChannelFaultRule, injectSharedChannelFault, isSharedChannelFault, NOT_LIFTABLE, pathOf, type ChannelFaultWire } from '../kit/channelEmulator';
import type { EmulatorServer, FaultRule } from '../kit/emulatorServer';
import { businessUsageHeader, sendGraphError, type GraphError } from './http';
import type { MetaState } from './state';

export const metaFaultNames = [
  'expired_token',
  'revoked_token',
  'permission_denied',
  'missing_ads_management',
  'tos_not_accepted',
  'account_not_linked',
  'rate_limit',
  'quota_exhausted',
  'server_error',
  'slow',
  'audience_deleted',
  'audience_unshared',
  'audience_flagged',
  'consent_denied',
] as const;

export type MetaFaultName = (typeof metaFaultNames)[number];

const isOAuthPath = (path: string) => /^\/v\d+\.\d+\/(dialog\/oauth|oauth\/access_token)/.test(path);

const metaWire: ChannelFaultWire = {
  isApiPath: (path) => /^\/v\d+\.\d+\//.test(path) && !isOAuthPath(path),
  isAuthorizePath: (path) => /\/dialog\/oauth$/.test(path),
  consentDeniedParams: { error: 'access_denied', error_code: '200', error_description: 'Permissions error', error_reason: 'user_denied' },
  missingRedirectBody: { error: 'redirect_uri is required' },
};

export function rateLimitError(code: number, accountId: string, retryAfterSeconds: number | undefined): GraphError {
  const retryAfter = retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) };
  const minutes = Math.max(1, Math.ceil((retryAfterSeconds ?? 60) / 60));
  if (code === 4 || code === 17) {
    const message = code === 4 ? '(#4) Application request limit reached' : '(#17) User request limit reached';
    return { status: 400, code, message, isTransient: true, headers: { 'x-app-usage': JSON.stringify({ call_count: 100, total_cputime: 30, total_time: 40 }), ...retryAfter } };
  }
  const messages: Record<number, string> = {
    80003: 'There have been too many calls to this ad-account.',
    80004: 'There have been too many calls to this ad-account. Wait a bit and try again.',
    613: '(#613) Calls to this api have exceeded the rate limit.',
  };
  return {
    status: code === 613 ? 400 : 429,
    code,
    type: 'GraphMethodException',
    message: messages[code] ?? messages[80003] ?? '',
    isTransient: true,
    headers: { ...businessUsageHeader(accountId, code === 80003 ? 'custom_audience' : 'ads_management', minutes), ...retryAfter },
  };
}

/** Applies a named fault; returns a function that lifts it (state faults cannot be undone). */
export function injectMetaFault(server: EmulatorServer, state: MetaState, name: MetaFaultName, options: ChannelFaultOptions = {}): () => void {
  // Meta answers an invalid token with HTTP 400 by default; `status: 401` emulates the edge that answers 401.
  if (name === 'expired_token' && options.status === 401) state.invalidTokenStatus = 401;
  if (isSharedChannelFault(name)) return injectSharedChannelFault(server, state.tokens, metaWire, name, options);
  const rule = (respond: FaultRule['respond']): (() => void) => addChannelFaultRule(server, metaWire, name, options, respond);
  const graph = (error: GraphError): (() => void) => rule((_request, reply) => sendGraphError(reply, error));
  const accountIds = () => [...state.accounts.values()].filter((account) => options.audienceId === undefined || state.audiences.get(options.audienceId)?.accountId === account.id);

  switch (name) {
    case 'permission_denied':
      return rule((request, reply) => sendGraphError(reply, { status: 403, code: 200, message: `(#200) The current user can not update audience ${options.audienceId ?? pathOf(request).split('/')[2] ?? ''}` }));
    case 'missing_ads_management':
      return graph({ status: 400, code: 294, type: 'GraphMethodException', message: 'Missing permission. Please make sure you have ads_management permission and the application is included in the allowlist' });
    case 'tos_not_accepted':
      for (const account of accountIds()) account.isTosAccepted = false;
      return NOT_LIFTABLE;
    case 'account_not_linked':
      for (const account of accountIds()) account.isBusinessLinked = false;
      return NOT_LIFTABLE;
    case 'rate_limit':
      return rule((_request, reply) => sendGraphError(reply, rateLimitError(options.code ?? 80003, [...state.accounts.keys()][0] ?? '0', options.retryAfterSeconds)));
    case 'quota_exhausted':
      state.appQuota.exhaust(state.nowMs());
      if (options.code === 17) state.quotaErrorCode = 17;
      return NOT_LIFTABLE;
    case 'server_error':
      return options.status === 503
        ? graph({ status: 503, code: 2, message: 'An unexpected error has occurred. Please retry your request later.', isTransient: true })
        : graph({ status: options.status ?? 500, code: 1, message: 'An unknown error has occurred.', isTransient: true });
    case 'audience_deleted':
      for (const audience of state.audiencesFor(options.audienceId)) audience.isDeleted = true;
      return NOT_LIFTABLE;
    case 'audience_unshared':
      for (const audience of state.audiencesFor(options.audienceId)) audience.isUnshared = true;
      return NOT_LIFTABLE;
    case 'audience_flagged':
      for (const audience of state.audiencesFor(options.audienceId)) audience.isFlagged = true;
      return NOT_LIFTABLE;
  }
}
