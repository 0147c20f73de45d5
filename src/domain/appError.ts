/**
 * An expected failure, carried as a value with a code from contracts/http.ts ERROR_STATUS. Use cases throw it;
 * routes turn it into { code, message, details } with the matching HTTP status. Bugs throw plain errors.
 */
export type AppErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthenticated'
  | 'invalid_credentials'
  | 'csrf_failed'
  | 'forbidden'
  | 'password_change_required'
  | 'not_found'
  | 'conflict'
  | 'limit_reached'
  | 'payload_too_large'
  | 'rate_limited'
  | 'provider_error';

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: unknown,
    /** rate_limited: seconds until a retry can succeed, sent as the Retry-After header. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export function notFound(what: string): AppError {
  return new AppError('not_found', `${what} was not found.`);
}
