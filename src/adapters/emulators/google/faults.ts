/**
 * Fault API of the Google emulator (Data Manager API for audience members and user lists; Google Ads API for
 * accessible customers, userLists:mutate and googleAds:search) — for connector tests and sandbox demos.
 *
 * Inject in tests with `emulator.injectFault(name, options)` (returns a function lifting it; state faults cannot be
 * lifted), or over HTTP: `POST {baseUrl}/__emulator/faults` `{"fault": name, "times"?: n, "retryAfterSeconds"?: s,
 * "status"?: n, "delayMs"?: ms, "audienceId"?: userListId, "pathPrefix"?: "/v1/audienceMembers"}`; `DELETE
 * /__emulator/faults` clears the request-answering ones. Request faults answer every `/v1/…` (Data Manager) and
 * `/vNN/customers…` (Google Ads) call for `times` requests (default: until cleared), or only paths starting with
 * `pathPrefix`. Errors are google.rpc.Status: `{"error":{"code":n,"message":"…","status":"…","details":[…]}}` with a
 * `google.rpc.ErrorInfo` detail whose `reason` names the error (plus `google.rpc.BadRequest` fieldViolations for
 * invalid records, and a GoogleAdsFailure detail on Google Ads API routes).
 *
 * | name                    | effect on the wire                                                                                     |
 * |-------------------------|--------------------------------------------------------------------------------------------------------|
 * | expired_token           | state: access tokens expire → 401 UNAUTHENTICATED (ErrorInfo ACCESS_TOKEN_EXPIRED); refresh still works |
 * | revoked_token           | state: tokens revoked → 401; refresh → 400 `{"error":"invalid_grant","error_description":"Token has been expired or revoked."}` |
 * | permission_denied       | 403 PERMISSION_DENIED "The caller does not have permission"                                             |
 * | tos_not_accepted        | state: every ingest → 400 INVALID_ARGUMENT, ErrorInfo TERMS_AND_CONDITIONS_NOT_SIGNED                   |
 * | rate_limit              | 429 RESOURCE_EXHAUSTED; with `retryAfterSeconds`: `Retry-After` header and a google.rpc.RetryInfo detail |
 * | quota_exhausted         | state: the daily operations quota is used up → 429 RESOURCE_EXHAUSTED until the emulated day rolls over |
 * | server_error            | 500 INTERNAL (default) or `status: 503` UNAVAILABLE                                                     |
 * | slow                    | the real answer after `delayMs` (default 2,000 ms)                                                      |
 * | audience_deleted        | state: the user list (`audienceId`, default every one) was removed → ingest/remove 404 NOT_FOUND (fieldViolation reason INVALID_USER_LIST_ID on destinations[i].product_destination_id) |
 * | concurrent_modification | state: the next `times` (default 1) writes → 400 INVALID_ARGUMENT "CONCURRENT_MODIFICATION: …" (ErrorInfo reason CONCURRENT_MODIFICATION, GoogleAdsFailure databaseError) |
 * | request_failed          | state: the next `times` (default 1) accepted requests end FAILED in requestStatus:retrieve (nothing applied) |
 * | consent_denied          | the OAuth consent page redirects with `error=access_denied`                                             |
 *
 * Always-on rules (not faults): two writes to one user list at once → the second gets CONCURRENT_MODIFICATION;
 * at most 10,000 audience members (TOO_MANY_AUDIENCE_MEMBERS), 10 identifiers per member (TOO_MANY_USER_IDENTIFIERS)
 * and 10 destinations per request; `encoding` HEX (64 lowercase hex) or BASE64 (32-byte digest) checked per
 * identifier (INVALID_HEX_ENCODING / INVALID_BASE64_ENCODING / INVALID_SHA256_FORMAT: the whole request is refused
 * with one fieldViolation per bad field, e.g. `audience_members[3].user_data.user_identifiers[0].email_address`);
 * member or request consent CONSENT_DENIED → that record refused asynchronously (PROCESSING_ERROR_REASON_DENIED_CONSENT,
 * status PARTIAL_SUCCESS); requests stay PROCESSING 10 s (emulated) in `GET /v1/requestStatus:retrieve?requestId=…`;
 * 300 requests per minute and 15,000 operations per day → 429 RESOURCE_EXHAUSTED; Customer Match
 * `offlineUserDataJobs:*` → 403 CUSTOMER_NOT_ALLOWLISTED_FOR_THIS_FEATURE (closed to new integrations).
 * Inspection: `GET /__emulator/audiences`, `GET /__emulator/audiences/:id/members`; clock: `POST /__emulator/clock {advanceMs}`.
 */
import type { ChannelFaultOptions } from '../kit/controlRoutes';
import { addChannelFaultRule, injectSharedChannelFault, isSharedChannelFault, NOT_LIFTABLE, type ChannelFaultWire } from '../kit/channelEmulator';
import type { EmulatorServer } from '../kit/emulatorServer';
import { googleErrors, sendGoogleError, type GoogleError } from './http';
import type { GoogleState } from './state';

export const googleFaultNames = [
  'expired_token',
  'revoked_token',
  'permission_denied',
  'tos_not_accepted',
  'rate_limit',
  'quota_exhausted',
  'server_error',
  'slow',
  'audience_deleted',
  'concurrent_modification',
  'request_failed',
  'consent_denied',
] as const;

export type GoogleFaultName = (typeof googleFaultNames)[number];

const googleWire: ChannelFaultWire = {
  isApiPath: (path) => path.startsWith('/v1/') || /^\/v\d+\/customers/.test(path),
  isAuthorizePath: (path) => path === '/o/oauth2/v2/auth',
  consentDeniedParams: { error: 'access_denied' },
  missingRedirectBody: { error: 'invalid_request', error_description: 'Missing required parameter: redirect_uri' },
};

/** Applies a named fault; returns a function that lifts it (state faults cannot be undone). */
export function injectGoogleFault(server: EmulatorServer, state: GoogleState, name: GoogleFaultName, options: ChannelFaultOptions = {}): () => void {
  if (isSharedChannelFault(name)) return injectSharedChannelFault(server, state.tokens, googleWire, name, options);
  const send = (error: GoogleError): (() => void) => addChannelFaultRule(server, googleWire, name, options, (_request, reply) => sendGoogleError(reply, error));

  switch (name) {
    case 'permission_denied':
      return send(googleErrors.permissionDenied());
    case 'tos_not_accepted':
      state.pending.tosRejected = true;
      return NOT_LIFTABLE;
    case 'rate_limit':
      return send(googleErrors.resourceExhausted('Quota exceeded for quota metric \'Requests\' and limit \'Requests per minute\' of service \'datamanager.googleapis.com\'.', options.retryAfterSeconds));
    case 'quota_exhausted':
      state.dailyOperations.exhaust(state.nowMs());
      return NOT_LIFTABLE;
    case 'server_error':
      return send(options.status === 503 ? googleErrors.unavailable() : googleErrors.internal());
    case 'audience_deleted':
      for (const list of state.listsFor(options.audienceId)) list.isDeleted = true;
      return NOT_LIFTABLE;
    case 'concurrent_modification':
      state.pending.concurrentModifications += options.times ?? 1;
      return NOT_LIFTABLE;
    case 'request_failed':
      state.pending.failedRequests += options.times ?? 1;
      return NOT_LIFTABLE;
  }
}
