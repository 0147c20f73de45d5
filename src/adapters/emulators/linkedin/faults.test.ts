import { afterEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../kit/hashing';
import { startLinkedInEmulator, type LinkedInEmulator, type LinkedInEmulatorOptions } from './index';

let emulator: LinkedInEmulator;
afterEach(async () => emulator?.close());

async function start(options: LinkedInEmulatorOptions = {}) {
  emulator = await startLinkedInEmulator({ notFoundWindowMs: 0, ...options });
  const rest = async (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string>; token?: string } = {}) => {
    const response = await fetch(`${emulator.baseUrl}/rest${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${init.token ?? emulator.credentials.accessToken}`,
        'linkedin-version': '202604',
        'x-restli-protocol-version': '2.0.0',
        ...(init.body ? { 'content-type': 'application/json', 'x-restli-method': 'BATCH_CREATE' } : {}),
        ...init.headers,
      },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  };
  const control = (path: string, body: unknown) => fetch(`${emulator.baseUrl}/__emulator/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const createSegment = async (account = emulator.credentials.adAccountUrn, type = 'COMPANY') => {
    const created = await rest('/dmpSegments', { method: 'POST', body: { name: 'ICP', sourcePlatform: 'OPENABM', sourceSegmentId: 's1', account, type, destinations: [{ destination: 'LINKEDIN' }] }, headers: { 'x-restli-method': 'CREATE' } });
    return { ...created, id: created.headers.get('x-restli-id') ?? '' };
  };
  const token = (form: Record<string, string>) =>
    fetch(`${emulator.baseUrl}/oauth/v2/accessToken`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ client_id: emulator.credentials.clientId, client_secret: emulator.credentials.clientSecret, ...form }) });
  return { rest, control, createSegment, token };
}

const company = (index: number) => ({ action: 'ADD', companyName: `Company ${index}`, companyWebsiteDomain: `company${index}.example` });

describe('LinkedIn emulator faults and limits', () => {
  it('requires LinkedIn-Version (400 / 426 outside the active range) and X-Restli-Protocol-Version 2.0.0', async () => {
    const { rest } = await start();
    expect((await rest('/adAccountUsers?q=authenticatedUser', { headers: { 'linkedin-version': '' } })).body).toMatchObject({ status: 400, code: 'VERSION_MISSING' });
    expect((await rest('/adAccountUsers?q=authenticatedUser', { headers: { 'linkedin-version': '202201' } })).body).toMatchObject({ status: 426, code: 'NONEXISTENT_VERSION' });
    expect((await rest('/adAccountUsers?q=authenticatedUser', { headers: { 'x-restli-protocol-version': '1.0.0' } })).status).toBe(400);
    expect((await rest('/adAccountUsers?q=authenticatedUser')).status).toBe(200);
  });

  it('refuses segments on accounts where the member is VIEWER or CREATIVE_MANAGER', async () => {
    const { createSegment } = await start();
    expect((await createSegment('urn:li:sponsoredAccount:508000004')).body).toMatchObject({ status: 403, code: 'ACCESS_DENIED' });
    expect((await createSegment('urn:li:sponsoredAccount:508000005')).status).toBe(403);
    expect((await createSegment('urn:li:sponsoredAccount:508000003')).status).toBe(201);
  });

  it('limits batches to 5,000 elements, needs BATCH_CREATE, checks element fields and counts 300 /companies calls per minute', async () => {
    const { rest, control, createSegment } = await start({ companiesCallsPerMinute: 2 });
    const { id } = await createSegment();
    expect((await rest(`/dmpSegments/${id}/companies`, { method: 'POST', body: { elements: Array.from({ length: 5_001 }, (_, index) => company(index)) } })).status).toBe(400);
    expect((await rest(`/dmpSegments/${id}/companies`, { method: 'POST', body: { elements: [company(1)] }, headers: { 'x-restli-method': 'CREATE' } })).status).toBe(400);
    const checked = await rest(`/dmpSegments/${id}/companies`, {
      method: 'POST',
      body: { elements: [company(1), { action: 'ADD' }, { action: 'ADD', organizationUrn: 'urn:li:company:1' }, { action: 'ADD', companyName: 'x', industries: ['a', 'b', 'c', 'd'] }, { action: 'UPSERT', companyName: 'y' }] },
    });
    expect((checked.body.elements as { status: number }[]).map((element) => element.status)).toEqual([201, 400, 400, 400, 400]);
    const limited = await rest(`/dmpSegments/${id}/companies`, { method: 'POST', body: { elements: [company(2)] } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    await control('clock', { advanceMs: 60_000 });
    expect((await rest(`/dmpSegments/${id}/companies`, { method: 'POST', body: { elements: [company(2)] } })).status).toBe(200);
  });

  it('answers 404 to a new segment for the configured window, then BUILDING → READY → UPDATING → READY on the clock', async () => {
    const { rest, control, createSegment } = await start({ notFoundWindowMs: 5_000 });
    const { id } = await createSegment();
    expect((await rest(`/dmpSegments/${id}/companies`, { method: 'POST', body: { elements: [company(1)] } })).body).toMatchObject({ status: 404, message: `Could not find DMP segment with ID ${id}` });
    await control('clock', { advanceMs: 5_000 });
    await rest(`/dmpSegments/${id}/companies`, { method: 'POST', body: { elements: Array.from({ length: 20 }, (_, index) => company(index)) } });
    expect((await rest(`/dmpSegments/${id}`)).body.status).toBe('BUILDING');
    await control('clock', { advanceMs: 30_000 });
    expect((await rest(`/dmpSegments/${id}`)).body.status).toBe('READY');
    await rest(`/dmpSegments/${id}/companies`, { method: 'POST', body: { elements: [{ action: 'REMOVE', companyWebsiteDomain: 'company1.example' }] } });
    expect((await rest(`/dmpSegments/${id}`)).body.status).toBe('UPDATING');
    await control('clock', { advanceMs: 30_000 });
    const ready = (await rest(`/dmpSegments/${id}`)).body;
    const inspected = (await (await fetch(`${emulator.baseUrl}/__emulator/audiences/${id}/members`)).json()) as { memberCount: number; matchedCount: number };
    expect(inspected.memberCount).toBe(19);
    expect(ready).toMatchObject({ status: 'READY', matchedCount: inspected.matchedCount });
  });

  it('partial_failure fails every odd element with status 400 inside an HTTP 200; audience_deleted answers 404', async () => {
    const { rest, control, createSegment } = await start();
    const { id } = await createSegment();
    await control('faults', { fault: 'partial_failure', times: 1 });
    const partial = await rest(`/dmpSegments/${id}/companies`, { method: 'POST', body: { elements: [company(1), company(2), company(3)] } });
    expect(partial.status).toBe(200);
    expect((partial.body.elements as { status: number }[]).map((element) => element.status)).toEqual([201, 400, 201]);
    emulator.injectFault('audience_deleted', { audienceId: id });
    expect((await rest(`/dmpSegments/${id}`)).status).toBe(404);
  });

  it('takes hashed e-mails on USER segments and refuses plain ones', async () => {
    const { rest, createSegment } = await start();
    const { id } = await createSegment(undefined, 'USER');
    const result = await rest(`/dmpSegments/${id}/users`, {
      method: 'POST',
      body: { elements: [{ action: 'ADD', userIds: [{ idType: 'SHA256_EMAIL', idValue: sha256Hex('a@example.com') }] }, { action: 'ADD', userIds: [{ idType: 'SHA256_EMAIL', idValue: 'a@example.com' }] }] },
    });
    expect((result.body.elements as { status: number }[]).map((element) => element.status)).toEqual([201, 400]);
    expect((await rest(`/dmpSegments/${id}/companies`, { method: 'POST', body: { elements: [company(1)] } })).status).toBe(400);
  });

  it('expires access tokens (401, refresh works) and refresh tokens after 365 days without extending them', async () => {
    const { rest, control, token } = await start();
    emulator.injectFault('expired_token');
    expect((await rest('/adAccountUsers?q=authenticatedUser')).body).toMatchObject({ status: 401, code: 'EXPIRED_ACCESS_TOKEN' });
    await control('clock', { advanceMs: 200 * 86_400_000 });
    const refreshed = (await (await token({ grant_type: 'refresh_token', refresh_token: emulator.credentials.refreshToken })).json()) as { access_token: string; refresh_token_expires_in: number };
    // Not extended by refreshing: what is left of the 365 days (a second or so of real time has passed too).
    expect(165 * 86_400 - refreshed.refresh_token_expires_in).toBeLessThan(5);
    expect((await rest('/adAccountUsers?q=authenticatedUser', { token: refreshed.access_token })).status).toBe(200);
    await control('clock', { advanceMs: 165 * 86_400_000 });
    const expired = await token({ grant_type: 'refresh_token', refresh_token: emulator.credentials.refreshToken });
    expect(expired.status).toBe(400);
    expect(await expired.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('rate_limit, quota_exhausted, server_error and consent_denied', async () => {
    const { rest, control } = await start();
    await control('faults', { fault: 'rate_limit', times: 1 });
    const limited = await rest('/adAccountUsers?q=authenticatedUser');
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, null]);
    await control('faults', { fault: 'server_error', times: 1, status: 503 });
    expect((await rest('/adAccountUsers?q=authenticatedUser')).status).toBe(503);
    emulator.injectFault('quota_exhausted');
    expect((await rest('/adAccountUsers?q=authenticatedUser')).status).toBe(429);
    await control('clock', { advanceMs: 86_400_000 });
    expect((await rest('/adAccountUsers?q=authenticatedUser', { token: emulator.credentials.accessToken })).status).toBe(200);
    await control('faults', { fault: 'consent_denied', times: 1 });
    const denied = await fetch(`${emulator.credentials.authorizeUrl}?response_type=code&client_id=${emulator.credentials.clientId}&redirect_uri=http://127.0.0.1:9/cb&state=s`, { redirect: 'manual' });
    expect(new URL(denied.headers.get('location') ?? '').searchParams.get('error')).toBe('user_cancelled_authorize');
  });
});
