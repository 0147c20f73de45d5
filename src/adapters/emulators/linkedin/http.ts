import type { FastifyReply } from 'fastify';

/** LinkedIn's REST error body: `{status, serviceErrorCode, code, message}`. */
export interface LinkedInError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly serviceErrorCode?: number;
  readonly headers?: Readonly<Record<string, string>>;
}

export function sendLinkedInError(reply: FastifyReply, error: LinkedInError): FastifyReply {
  return reply
    .code(error.status)
    .headers({ 'x-restli-protocol-version': '2.0.0', ...(error.headers ?? {}) })
    .type('application/json')
    .send({ status: error.status, ...(error.serviceErrorCode === undefined ? {} : { serviceErrorCode: error.serviceErrorCode }), code: error.code, message: error.message });
}

export const linkedInErrors = {
  invalidToken: (): LinkedInError => ({ status: 401, serviceErrorCode: 65600, code: 'INVALID_ACCESS_TOKEN', message: 'Invalid access token' }),
  expiredToken: (): LinkedInError => ({ status: 401, serviceErrorCode: 65601, code: 'EXPIRED_ACCESS_TOKEN', message: 'The token used in the request has expired' }),
  revokedToken: (): LinkedInError => ({ status: 401, serviceErrorCode: 65602, code: 'REVOKED_ACCESS_TOKEN', message: 'The token used in the request has been revoked by the user' }),
  accessDenied: (what: string): LinkedInError => ({ status: 403, serviceErrorCode: 100, code: 'ACCESS_DENIED', message: `Not enough permissions to access: ${what}` }),
  versionMissing: (): LinkedInError => ({ status: 400, code: 'VERSION_MISSING', message: 'A version must be present. Please specify a version by adding the LinkedIn-Version header.' }),
  versionInactive: (version: string): LinkedInError => ({ status: 426, code: 'NONEXISTENT_VERSION', message: `Requested version ${version} is not active` }),
  protocolVersion: (): LinkedInError => ({ status: 400, code: 'ILLEGAL_ARGUMENT', message: 'X-Restli-Protocol-Version must be 2.0.0' }),
  tooManyRequests: (message: string, retryAfterSeconds: number | undefined): LinkedInError => ({
    status: 429,
    code: 'TOO_MANY_REQUESTS',
    message,
    ...(retryAfterSeconds === undefined ? {} : { headers: { 'retry-after': String(retryAfterSeconds) } }),
  }),
  notFound: (message: string): LinkedInError => ({ status: 404, code: 'NOT_FOUND', message }),
  badRequest: (message: string): LinkedInError => ({ status: 400, code: 'ILLEGAL_ARGUMENT', message }),
} as const;
