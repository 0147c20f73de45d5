/**
 * The states of a CRM connection and the events that move it (STYLE.md §3.9). An event that is not allowed from the
 * current state yields undefined: the caller leaves the row alone instead of guessing.
 */
export const CONNECTION_STATUSES = ['connected', 'expiring', 'expired', 'reauth_required', 'api_limit_reached', 'error'] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

export type ConnectionEvent =
  /** New tokens from the OAuth flow (first connect or reconnect). */
  | 'reconnected'
  /** A call succeeded: clears api_limit_reached (new day) and error. */
  | 'call_succeeded'
  /** The credential policy says the password expires soon. */
  | 'credentials_expiring'
  /** The credential policy says the password has expired. */
  | 'credentials_expired'
  /** The provider refused the refresh token (or the code): a person must log in again. */
  | 'refresh_refused'
  /** Our allowance or the provider's daily limit is spent. */
  | 'api_limit_hit'
  /** A new day began: the allowance is available again. */
  | 'api_limit_reset'
  /** A provider failure we could not classify as reauth or limit. */
  | 'call_failed';

const TRANSITIONS: Readonly<Record<ConnectionStatus, Partial<Record<ConnectionEvent, ConnectionStatus>>>> = {
  connected: {
    reconnected: 'connected',
    credentials_expiring: 'expiring',
    credentials_expired: 'expired',
    refresh_refused: 'reauth_required',
    api_limit_hit: 'api_limit_reached',
    call_failed: 'error',
    call_succeeded: 'connected',
  },
  expiring: {
    reconnected: 'connected',
    credentials_expired: 'expired',
    refresh_refused: 'reauth_required',
    api_limit_hit: 'api_limit_reached',
    call_failed: 'error',
    call_succeeded: 'expiring',
  },
  // Only a new login leaves expired or reauth_required; calls are not attempted in these states.
  expired: { reconnected: 'connected', refresh_refused: 'reauth_required' },
  reauth_required: { reconnected: 'connected' },
  api_limit_reached: {
    reconnected: 'connected',
    api_limit_reset: 'connected',
    api_limit_hit: 'api_limit_reached',
    refresh_refused: 'reauth_required',
    credentials_expired: 'expired',
  },
  error: {
    reconnected: 'connected',
    call_succeeded: 'connected',
    call_failed: 'error',
    refresh_refused: 'reauth_required',
    api_limit_hit: 'api_limit_reached',
    credentials_expiring: 'error',
    credentials_expired: 'expired',
  },
};

export function nextConnectionStatus(current: ConnectionStatus, event: ConnectionEvent): ConnectionStatus | undefined {
  return TRANSITIONS[current][event];
}

/** Whether provider calls may be attempted (api_limit_reached is checked against the day by the budget). */
export function canCallProvider(status: ConnectionStatus): boolean {
  return status === 'connected' || status === 'expiring' || status === 'error' || status === 'api_limit_reached';
}

export const CONNECTION_STATUS_LABELS: Readonly<Record<ConnectionStatus, string>> = {
  connected: 'Connected',
  expiring: 'Credentials expiring',
  expired: 'Credentials expired',
  reauth_required: 'Reconnect required',
  api_limit_reached: 'API limit reached',
  error: 'Error',
};

export function isConnectionStatus(value: unknown): value is ConnectionStatus {
  return typeof value === 'string' && (CONNECTION_STATUSES as readonly string[]).includes(value);
}
