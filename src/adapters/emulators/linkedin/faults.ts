/**
 * Fault API of the LinkedIn (Marketing API, Matched Audiences) emulator — for connector tests and sandbox demos.
 *
 * Inject in tests with `emulator.injectFault(name, options)` (returns a function lifting it; state faults cannot be
 * lifted), or over HTTP: `POST {baseUrl}/__emulator/faults` `{"fault": name, "times"?: n, "retryAfterSeconds"?: s,
 * "status"?: n, "delayMs"?: ms, "audienceId"?: segmentId, "pathPrefix"?: "/rest/dmpSegments"}`; `DELETE
 * /__emulator/faults` clears the request-answering ones. Request faults answer every `/rest/…` call for `times`
 * requests (default: until cleared), or only paths starting with `pathPrefix`. Error bodies:
 * `{"status":n,"serviceErrorCode":n,"code":"…","message":"…"}`.
 *
 * | name                  | effect on the wire                                                                                       |
 * |-----------------------|----------------------------------------------------------------------------------------------------------|
 * | expired_token         | state: access tokens expire → 401 EXPIRED_ACCESS_TOKEN; the refresh grant still works                    |
 * | revoked_token         | state: the member revoked the app → 401 REVOKED_ACCESS_TOKEN; refresh → 400 `{"error":"invalid_grant"}`  |
 * | refresh_token_expired | state: the yearly refresh-token lifetime ran out → 401 on calls, refresh → 400 invalid_grant (re-authorise) |
 * | permission_denied     | 403 ACCESS_DENIED "Not enough permissions to access: …"                                                   |
 * | missing_scope         | state: the app lost rw_dmp_segments → 403 ACCESS_DENIED on /dmpSegments                                   |
 * | rate_limit            | 429 TOO_MANY_REQUESTS; `Retry-After` only when `retryAfterSeconds` is given                               |
 * | quota_exhausted       | state: the app's daily call cap is used up → 429 until the emulated day rolls over (`POST /__emulator/clock`) |
 * | server_error          | `status` 500 (default), 502, 503, 504, 408, 409 or 423 with a LinkedIn error body                          |
 * | slow                  | the real answer after `delayMs` (default 2,000 ms)                                                       |
 * | audience_deleted      | state: the DMP segment (`audienceId`, default every one) is gone → 404 on it and its /companies, /users   |
 * | audience_expired      | state: status EXPIRED                                                                                    |
 * | audience_failed       | state: status FAILED                                                                                     |
 * | partial_failure       | state: the next `times` (default 1) /companies or /users requests answer 200 with every odd element `{"status":400,"error":{…}}` (not applied) |
 * | consent_denied        | the authorization page redirects with `error=user_cancelled_authorize&error_description=…`               |
 *
 * Always-on rules (not faults): `LinkedIn-Version: YYYYMM` required (400 VERSION_MISSING, 426 NONEXISTENT_VERSION
 * outside 202512–202612) and `X-Restli-Protocol-Version: 2.0.0` (400) on /rest; `X-RestLi-Method: BATCH_CREATE` on
 * /companies and /users (400); at most 5,000 elements per request (400); 300 /companies and 600 /users calls per
 * member per minute → 429 with Retry-After (seconds to the next minute); a new segment's /companies answers 404
 * "Could not find DMP segment with ID …" for 5 s (emulated); status BUILDING → READY after 30 s and the first
 * processed upload, UPDATING for 30 s after each change; VIEWER / CREATIVE_MANAGER accounts refuse writes with 403.
 * Inspection: `GET /__emulator/audiences`, `GET /__emulator/audiences/:id/members`; clock: `POST /__emulator/clock {advanceMs}`.
 */
import type { ChannelFaultOptions } from '../kit/controlRoutes';
import { addChannelFaultRule, injectSharedChannelFault, isSharedChannelFault, NOT_LIFTABLE, pathOf, type ChannelFaultWire } from '../kit/channelEmulator';
import type { EmulatorServer, FaultRule } from '../kit/emulatorServer';
import { linkedInErrors, sendLinkedInError, type LinkedInError } from './http';
import type { LinkedInState } from './state';

export const linkedInFaultNames = [
  'expired_token',
  'revoked_token',
  'refresh_token_expired',
  'permission_denied',
  'missing_scope',
  'rate_limit',
  'quota_exhausted',
  'server_error',
  'slow',
  'audience_deleted',
  'audience_expired',
  'audience_failed',
  'partial_failure',
  'consent_denied',
] as const;

export type LinkedInFaultName = (typeof linkedInFaultNames)[number];

const linkedInWire: ChannelFaultWire = {
  isApiPath: (path) => path.startsWith('/rest/'),
  isAuthorizePath: (path) => path === '/oauth/v2/authorization',
  consentDeniedParams: { error: 'user_cancelled_authorize', error_description: 'The user cancelled the authorization' },
  missingRedirectBody: { error: 'invalid_request', error_description: 'redirect_uri is required' },
};

const serverErrors: Record<number, LinkedInError> = {
  408: { status: 408, code: 'REQUEST_TIMEOUT', message: 'Request timed out' },
  409: { status: 409, code: 'CONFLICT', message: 'Conflict: concurrent update, retry the request' },
  423: { status: 423, code: 'LOCKED', message: 'The resource is locked, retry later' },
  500: { status: 500, serviceErrorCode: 0, code: 'INTERNAL_SERVER_ERROR', message: 'Internal Server Error' },
  502: { status: 502, code: 'BAD_GATEWAY', message: 'Bad Gateway' },
  503: { status: 503, code: 'SERVICE_UNAVAILABLE', message: 'Service Unavailable' },
  504: { status: 504, code: 'GATEWAY_TIMEOUT', message: 'Gateway Timeout' },
};

/** Applies a named fault; returns a function that lifts it (state faults cannot be undone). */
export function injectLinkedInFault(server: EmulatorServer, state: LinkedInState, name: LinkedInFaultName, options: ChannelFaultOptions = {}): () => void {
  if (isSharedChannelFault(name)) return injectSharedChannelFault(server, state.tokens, linkedInWire, name, options);
  const rule = (respond: FaultRule['respond']): (() => void) => addChannelFaultRule(server, linkedInWire, name, options, respond);
  const send = (error: LinkedInError): (() => void) => rule((_request, reply) => sendLinkedInError(reply, error));

  switch (name) {
    case 'permission_denied':
      return rule((request, reply) => sendLinkedInError(reply, linkedInErrors.accessDenied(`${request.method} ${pathOf(request)}`)));
    case 'missing_scope':
      state.hasDmpScope = false;
      return NOT_LIFTABLE;
    case 'rate_limit':
      return send(linkedInErrors.tooManyRequests('Resource level throttle MEMBER MINUTE limit for calls to this resource is reached.', options.retryAfterSeconds));
    case 'quota_exhausted':
      state.dailyCalls.exhaust(state.nowMs());
      return NOT_LIFTABLE;
    case 'server_error':
      return send(serverErrors[options.status ?? 500] ?? { status: options.status ?? 500, code: 'INTERNAL_SERVER_ERROR', message: 'Internal Server Error' });
    case 'audience_deleted':
      for (const segment of state.segmentsFor(options.audienceId)) segment.isDeleted = true;
      return NOT_LIFTABLE;
    case 'audience_expired':
    case 'audience_failed':
      for (const segment of state.segmentsFor(options.audienceId)) segment.forcedStatus = name === 'audience_expired' ? 'EXPIRED' : 'FAILED';
      return NOT_LIFTABLE;
    case 'partial_failure':
      state.partialFailureRequests += options.times ?? 1;
      return NOT_LIFTABLE;
  }
}
