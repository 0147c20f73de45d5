import { afterEach, describe, expect, it } from 'vitest';
import { startWireClient, type WireClient } from './testClient';

let client: WireClient;
afterEach(async () => client?.emulator.close());

describe('Salesforce emulator faults', () => {
  it('expired_token: REST answers 401 INVALID_SESSION_ID until the client refreshes', async () => {
    client = await startWireClient();
    client.emulator.injectFault('expired_token');
    const expired = await client.api('/limits');
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    await client.refresh();
    expect((await client.api('/limits')).status).toBe(200);
  });

  it('revoked_token (over the control API): refresh answers 400 invalid_grant', async () => {
    client = await startWireClient();
    const injected = await fetch(`${client.emulator.baseUrl}/__emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fault: 'revoked_token' }) });
    expect(injected.status).toBe(200);
    const { credentials } = client.emulator;
    const refresh = await client.token({ grant_type: 'refresh_token', refresh_token: credentials.refreshToken, client_id: credentials.clientId });
    expect(refresh.status).toBe(400);
    expect(await refresh.json()).toEqual({ error: 'invalid_grant', error_description: 'expired access/refresh token' });
  });

  it('rate_limit_429 answers 429 with Retry-After for the given number of requests', async () => {
    client = await startWireClient();
    await fetch(`${client.emulator.baseUrl}/__emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fault: 'rate_limit_429', times: 1, retryAfterSeconds: 7 }) });
    const limited = await client.api('/limits');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect((await client.api('/limits')).status).toBe(200);
  });

  it('server_error_5xx answers 500 UNKNOWN_EXCEPTION or 503 SERVER_UNAVAILABLE', async () => {
    client = await startWireClient();
    client.emulator.injectFault('server_error_5xx', { times: 1 });
    client.emulator.injectFault('server_error_5xx', { times: 1, status: 503 });
    const first = await client.api('/limits');
    expect(first.status).toBe(500);
    expect(((await first.json()) as { errorCode: string }[])[0]?.errorCode).toBe('UNKNOWN_EXCEPTION');
    expect((await client.api('/limits')).status).toBe(503);
    expect((await client.api('/limits')).status).toBe(200);
  });

  it('daily_limit_exhausted: 403 REQUEST_LIMIT_EXCEEDED "TotalRequests Limit exceeded." and /limits shows none remaining the next day is fresh', async () => {
    let nowMs = Date.UTC(2025, 2, 3, 8);
    client = await startWireClient({ clock: { now: () => new Date(nowMs) }, dailyApiLimit: 5, sessionTimeoutMs: 7 * 86_400_000 });
    client.emulator.injectFault('daily_limit_exhausted');
    const refused = await client.api('/limits');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('sforce-limit-info')).toBe('api-usage=5/5');
    expect(await refused.json()).toEqual([{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }]);
    nowMs += 86_400_000;
    const limits = await client.json<{ DailyApiRequests: { Max: number; Remaining: number } }>('/limits');
    expect(limits.DailyApiRequests).toMatchObject({ Max: 5, Remaining: 4 });
  });

  it('counts every data call and refuses the call after the allowance is spent', async () => {
    client = await startWireClient({ dailyApiLimit: 3 });
    expect((await client.api('/limits')).status).toBe(200);
    expect((await client.api('/limits')).status).toBe(200);
    const third = await client.api('/limits');
    expect(third.headers.get('sforce-limit-info')).toBe('api-usage=3/3');
    expect((await client.api('/limits')).status).toBe(403);
  });

  it('permission_denied answers 403 INSUFFICIENT_ACCESS only under its path prefix', async () => {
    client = await startWireClient();
    client.emulator.injectFault('permission_denied', { pathPrefix: '/services/data/v62.0/analytics' });
    const denied = await client.api('/analytics/reports');
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as { errorCode: string }[])[0]?.errorCode).toBe('INSUFFICIENT_ACCESS');
    expect((await client.api('/limits')).status).toBe(200);
  });

  it('slow delays the answer but still gives the real response', async () => {
    client = await startWireClient();
    client.emulator.injectFault('slow', { delayMs: 20, times: 1 });
    expect((await client.api('/limits')).status).toBe(200);
    expect(client.emulator.server.requestsTo('/services/data/v62.0/limits')).toHaveLength(1);
  });

  it('refuses an unknown fault name over the control API', async () => {
    client = await startWireClient();
    const response = await fetch(`${client.emulator.baseUrl}/__emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fault: 'meteor' }) });
    expect(response.status).toBe(400);
  });
});
