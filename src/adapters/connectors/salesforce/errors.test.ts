import { describe, expect, it } from 'vitest';
import { CRM_MESSAGES } from '../../../domain/crmSources/messages';
import { classifyRestError, classifyTokenError, parseLimitInfo } from './errors';

const now = new Date('2026-11-23T12:00:00Z');
const rest = (status: number, body: unknown, retryAfterHeader: string | null = null) => ({
  status,
  bodyText: typeof body === 'string' ? body : JSON.stringify(body),
  retryAfterHeader,
});

describe('classifyRestError', () => {
  it.each([
    ['401 INVALID_SESSION_ID', rest(401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]), { kind: 'reauth' }],
    ['429 with Retry-After 7', rest(429, '', '7'), { kind: 'retry', afterMs: 7_000 }],
    ['429 without Retry-After', rest(429, ''), { kind: 'retry', afterMs: 1_000 }],
    ['503', rest(503, ''), { kind: 'retry', afterMs: 1_000 }],
    [
      '403 TotalRequests',
      rest(403, [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }]),
      { kind: 'permanent', code: 'REQUEST_LIMIT_EXCEEDED', message: CRM_MESSAGES.apiLimitReached },
    ],
    [
      '403 concurrency limit',
      rest(403, [{ message: 'ConcurrentPerOrgLongTxn Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }]),
      { kind: 'retry', afterMs: 1_000 },
    ],
    [
      '403 INSUFFICIENT_ACCESS',
      rest(403, [{ message: 'no access', errorCode: 'INSUFFICIENT_ACCESS' }]),
      { kind: 'permanent', code: 'INSUFFICIENT_ACCESS', message: 'no access' },
    ],
    ['400 MALFORMED_QUERY', rest(400, [{ message: 'bad', errorCode: 'MALFORMED_QUERY' }]), { kind: 'permanent', code: 'MALFORMED_QUERY', message: 'bad' }],
    ['404 non-JSON', rest(404, 'nope'), { kind: 'permanent', code: 'NOT_FOUND', message: 'The requested resource does not exist' }],
  ])('%s', (_title, response, expected) => {
    expect(classifyRestError(response, now)).toEqual(expected);
  });

  it('does not refresh on a 401 that is not session expiry', () => {
    const response = rest(401, [{ message: 'This session is not valid for use with the REST API', errorCode: 'INVALID_SESSION_ID' }]);
    expect(classifyRestError(response, now).kind).toBe('permanent');
  });
});

describe('classifyTokenError', () => {
  it.each([
    ['revoked refresh token', { error: 'invalid_grant', error_description: 'expired access/refresh token' }, 'refresh_token', 'reauth'],
    ['password changed', { error: 'invalid_grant', error_description: 'authentication failure' }, 'refresh_token', 'reauth'],
    ['bad client', { error: 'invalid_client', error_description: 'invalid client credentials' }, 'refresh_token', 'reauth'],
    ['concurrent refresh', { error: 'invalid_grant', error_description: 'token request is already being processed' }, 'refresh_token', 'retry'],
    ['expired code on the code grant', { error: 'invalid_grant', error_description: 'expired authorization code' }, 'authorization_code', 'reauth'],
  ] as const)('%s → %s', (_title, body, grant, expected) => {
    expect(classifyTokenError(rest(400, body), grant, now).kind).toBe(expected);
  });
});

describe('parseLimitInfo', () => {
  it.each([
    ['api-usage=18/5000', { used: 18, max: 5000 }],
    ['api-usage=25/5000; api-bursts=1/750', { used: 25, max: 5000 }],
    [null, undefined],
    ['garbage', undefined],
  ])('%s', (header, expected) => {
    expect(parseLimitInfo(header)).toEqual(expected);
  });
});
