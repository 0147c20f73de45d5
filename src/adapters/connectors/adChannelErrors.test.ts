import { describe, expect, it } from 'vitest';
import { classifyGoogleAnswer } from './google/errors';
import { classifyLinkedInAnswer } from './linkedin/errors';
import { classifyMetaAnswer } from './meta/errors';

/** Each channel's answer → retry (a wait, not a failure) / reauth / permanent / audience missing, per its reference. */
const now = new Date('2026-12-06T00:00:00Z');
const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => ({ status, bodyText: JSON.stringify(body), headers: new Headers(headers) });
const graph = (code: number, subcode?: number) => ({ error: { message: 'm', type: 'OAuthException', code, ...(subcode === undefined ? {} : { error_subcode: subcode }) } });
const rpc = (code: number, status: string, errorCode?: Record<string, string>) => ({ error: { code, status, message: 'm', details: errorCode ? [{ errors: [{ errorCode }] }] : [] } });

describe('Meta classification (meta.md §5)', () => {
  it.each([
    ['190 on HTTP 400 is re-auth, not a retry', answer(400, graph(190, 463)), { kind: 'reauth', code: 'token_expired' }],
    ['190/460 (password changed) is a revoked login', answer(400, graph(190, 460)), { kind: 'reauth', code: 'token_revoked' }],
    ['80003 waits', answer(429, graph(80003), { 'x-business-use-case-usage': JSON.stringify({ '1': [{ estimated_time_to_regain_access: 3 }] }) }), { kind: 'retry', code: 'quota_exceeded', afterMs: 180_000 }],
    ['80004 waits', answer(429, graph(80004), { 'retry-after': '12' }), { kind: 'retry', code: 'quota_exceeded', afterMs: 12_000 }],
    ['613 waits', answer(400, graph(613)), { kind: 'retry', code: 'quota_exceeded' }],
    ['17 and 4 wait', answer(400, graph(17)), { kind: 'retry', code: 'quota_exceeded' }],
    ['terms not accepted', answer(403, graph(200, 1870090)), { kind: 'permanent', code: 'terms_not_accepted' }],
    ['missing ads_management', answer(400, graph(294)), { kind: 'permanent', code: 'missing_permission' }],
    ['deleted audience', answer(400, graph(100, 1487366)), { kind: 'audience_missing' }],
    ['server error', answer(500, graph(1)), { kind: 'retry', code: 'channel_outage' }],
  ])('%s', (_title, input, expected) => {
    expect(classifyMetaAnswer(input, now, 0)).toMatchObject(expected);
  });
});

describe('LinkedIn classification (linkedin.md §6)', () => {
  it.each([
    ['401 is re-auth', answer(401, { status: 401 }), { kind: 'reauth' }],
    ['429 with Retry-After waits that long', answer(429, { status: 429 }, { 'retry-after': '30' }), { kind: 'retry', code: 'quota_exceeded', afterMs: 30_000 }],
    ['429 without Retry-After backs off', answer(429, { status: 429 }), { kind: 'retry', code: 'quota_exceeded', afterMs: 1_000 }],
    ['403 is a missing permission', answer(403, { status: 403, message: 'Not enough permissions' }), { kind: 'permanent', code: 'missing_permission' }],
    ['409 and 503 retry', answer(503, {}), { kind: 'retry', code: 'channel_outage' }],
    ['404 is handed to the caller (new segment or deleted)', answer(404, {}), { kind: 'audience_missing' }],
    ['200 is fine', answer(200, {}), undefined],
  ])('%s', (_title, input, expected) => {
    const verdict = classifyLinkedInAnswer(input, now, 0);
    if (expected === undefined) expect(verdict).toBeUndefined();
    else expect(verdict).toMatchObject(expected);
  });
});

describe('Google classification (google-ads.md §2)', () => {
  it.each([
    ['401 UNAUTHENTICATED is re-auth', answer(401, rpc(401, 'UNAUTHENTICATED')), { kind: 'reauth' }],
    ['RESOURCE_EXHAUSTED waits', answer(429, rpc(429, 'RESOURCE_EXHAUSTED')), { kind: 'retry', code: 'quota_exceeded' }],
    ['CONCURRENT_MODIFICATION retries', answer(400, rpc(400, 'INVALID_ARGUMENT', { databaseError: 'CONCURRENT_MODIFICATION' })), { kind: 'retry' }],
    ['customer data terms not accepted', answer(400, rpc(400, 'FAILED_PRECONDITION', { offlineUserDataJobError: 'CUSTOMER_NOT_ACCEPTED_CUSTOMER_DATA_TERMS' })), { kind: 'permanent', code: 'terms_not_accepted' }],
    ['PERMISSION_DENIED', answer(403, rpc(403, 'PERMISSION_DENIED')), { kind: 'permanent', code: 'missing_permission' }],
    ['NOT_FOUND', answer(404, rpc(404, 'NOT_FOUND')), { kind: 'audience_missing' }],
    ['UNAVAILABLE', answer(503, rpc(503, 'UNAVAILABLE')), { kind: 'retry', code: 'channel_outage' }],
  ])('%s', (_title, input, expected) => {
    expect(classifyGoogleAnswer(input, now, 0)).toMatchObject(expected);
  });
});
