import { describe, expect, it } from 'vitest';
import { CONNECTION_STATUSES, nextConnectionStatus, type ConnectionEvent, type ConnectionStatus } from './connectionState';

describe('connection state machine', () => {
  it.each([
    ['connected', 'refresh_refused', 'reauth_required'],
    ['connected', 'api_limit_hit', 'api_limit_reached'],
    ['api_limit_reached', 'api_limit_reset', 'connected'],
    ['connected', 'credentials_expiring', 'expiring'],
    ['expiring', 'credentials_expired', 'expired'],
    ['expired', 'reconnected', 'connected'],
    ['reauth_required', 'reconnected', 'connected'],
    ['error', 'call_succeeded', 'connected'],
    ['connected', 'call_failed', 'error'],
  ] as Array<[ConnectionStatus, ConnectionEvent, ConnectionStatus]>)('%s + %s → %s', (from, event, to) => {
    expect(nextConnectionStatus(from, event)).toBe(to);
  });

  it.each([
    ['reauth_required', 'call_succeeded'],
    ['reauth_required', 'api_limit_reset'],
    ['expired', 'call_succeeded'],
    ['connected', 'api_limit_reset'],
  ] as Array<[ConnectionStatus, ConnectionEvent]>)('ignores %s + %s', (from, event) => {
    expect(nextConnectionStatus(from, event)).toBeUndefined();
  });

  it('lets every state reconnect', () => {
    for (const status of CONNECTION_STATUSES) expect(nextConnectionStatus(status, 'reconnected')).toBe('connected');
  });
});
