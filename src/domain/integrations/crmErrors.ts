/**
 * Expected connector failures, as values the use cases act on. `message` is shown to users (the specification's
 * verbatim text where it has one) and never contains secrets.
 * - reauth: the provider refused our credentials → connection reauth_required.
 * - api_limit: our daily allowance or the provider's daily limit is spent → api_limit_reached until tomorrow.
 * - retry: transient (429, 5xx, concurrent refresh) and the connector's own retries are spent → try again later.
 * - permanent: the request cannot succeed as is (a source breaks a rule, not found, bad request).
 */
export type CrmErrorKind = 'reauth' | 'api_limit' | 'retry' | 'permanent';

export class CrmConnectorError extends Error {
  override readonly name = 'CrmConnectorError';
  constructor(
    readonly kind: CrmErrorKind,
    /** Stable code: provider error code (INVALID_SESSION_ID, REQUEST_LIMIT_EXCEEDED) or a rule code (report_too_large). */
    readonly code: string,
    message: string,
    readonly extra: { readonly retryAfterMs?: number; readonly httpStatus?: number } = {},
  ) {
    super(message);
  }

  get retryAfterMs(): number | undefined {
    return this.extra.retryAfterMs;
  }

  get httpStatus(): number | undefined {
    return this.extra.httpStatus;
  }
}

export function isCrmConnectorError(error: unknown): error is CrmConnectorError {
  return error instanceof CrmConnectorError;
}
