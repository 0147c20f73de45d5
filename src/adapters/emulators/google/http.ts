import { randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';

/** google.rpc.Status errors of the Google emulator (Data Manager API and Google Ads API share the envelope). */
export interface GoogleError {
  readonly httpStatus: number;
  readonly status: string;
  readonly message: string;
  readonly details?: readonly Record<string, unknown>[];
  readonly headers?: Readonly<Record<string, string>>;
}

export const DATA_MANAGER_DOMAIN = 'datamanager.googleapis.com';
export const ADS_FAILURE_TYPE = 'type.googleapis.com/google.ads.googleads.v22.errors.GoogleAdsFailure';

export function sendGoogleError(reply: FastifyReply, error: GoogleError): FastifyReply {
  return reply
    .code(error.httpStatus)
    .headers(error.headers ?? {})
    .type('application/json; charset=UTF-8')
    .send({ error: { code: error.httpStatus, message: error.message, status: error.status, ...(error.details ? { details: error.details } : {}) } });
}

export function errorInfo(reason: string, domain = DATA_MANAGER_DOMAIN, metadata?: Record<string, string>): Record<string, unknown> {
  return { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason, domain, ...(metadata ? { metadata } : {}) };
}

export interface FieldViolation {
  readonly field: string;
  readonly description: string;
  readonly reason: string;
}

export function badRequest(violations: readonly FieldViolation[]): GoogleError {
  const first = violations[0];
  return {
    httpStatus: 400,
    status: 'INVALID_ARGUMENT',
    message: violations.length === 1 && first ? `${first.description}` : `Request contains ${violations.length} invalid arguments.`,
    details: [errorInfo(first?.reason ?? 'INVALID_ARGUMENT'), { '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: violations }],
  };
}

/** A Google Ads API error: google.rpc.Status with a GoogleAdsFailure detail (reference §2). */
export function adsFailure(httpStatus: number, status: string, errorCode: Record<string, string>, message: string): GoogleError {
  return {
    httpStatus,
    status,
    message: httpStatus === 400 ? 'Request contains an invalid argument.' : message,
    details: [{ '@type': ADS_FAILURE_TYPE, errors: [{ errorCode, message }], requestId: randomBytes(12).toString('base64url') }],
  };
}

export const googleErrors = {
  unauthenticated: (reason: 'ACCESS_TOKEN_EXPIRED' | 'CREDENTIALS_MISSING' | 'ACCESS_TOKEN_INVALID'): GoogleError => ({
    httpStatus: 401,
    status: 'UNAUTHENTICATED',
    message: 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
    details: [errorInfo(reason, 'googleapis.com')],
  }),
  permissionDenied: (message = 'The caller does not have permission'): GoogleError => ({ httpStatus: 403, status: 'PERMISSION_DENIED', message, details: [errorInfo('PERMISSION_DENIED')] }),
  resourceExhausted: (message: string, retryAfterSeconds: number | undefined): GoogleError => ({
    httpStatus: 429,
    status: 'RESOURCE_EXHAUSTED',
    message,
    details: [errorInfo('RESOURCE_EXHAUSTED'), ...(retryAfterSeconds === undefined ? [] : [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${retryAfterSeconds}s` }])],
    ...(retryAfterSeconds === undefined ? {} : { headers: { 'retry-after': String(retryAfterSeconds) } }),
  }),
  concurrentModification: (): GoogleError => ({
    httpStatus: 400,
    status: 'INVALID_ARGUMENT',
    message: 'CONCURRENT_MODIFICATION: Multiple requests were attempting to modify the same resource at once. Retry the request.',
    details: [errorInfo('CONCURRENT_MODIFICATION'), { '@type': ADS_FAILURE_TYPE, errors: [{ errorCode: { databaseError: 'CONCURRENT_MODIFICATION' }, message: 'Multiple requests were attempting to modify the same resource at once. Retry the request.' }] }],
  }),
  notFound: (message: string, field?: string): GoogleError => ({
    httpStatus: 404,
    status: 'NOT_FOUND',
    message,
    details: [errorInfo('NOT_FOUND'), ...(field ? [{ '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [{ field, description: message, reason: 'INVALID_USER_LIST_ID' }] }] : [])],
  }),
  termsNotSigned: (): GoogleError => ({
    httpStatus: 400,
    status: 'INVALID_ARGUMENT',
    message: 'The Customer Match terms of service have not been accepted for this account.',
    details: [errorInfo('TERMS_AND_CONDITIONS_NOT_SIGNED')],
  }),
  internal: (): GoogleError => ({ httpStatus: 500, status: 'INTERNAL', message: 'Internal error encountered.' }),
  unavailable: (): GoogleError => ({ httpStatus: 503, status: 'UNAVAILABLE', message: 'The service is currently unavailable.' }),
} as const;
