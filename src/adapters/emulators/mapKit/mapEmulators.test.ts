import { afterEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../kit/registry';
import { startEloquaEmulator } from '../eloqua/index';
import { startHubSpotEmulator } from '../hubspot/index';
import { startMarketoEmulator } from '../marketo/index';
import { startPardotEmulator } from '../pardot/index';

let running: RunningEmulator | undefined;
afterEach(async () => running?.close());

const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('MAP emulators: control API and unknown routes', () => {
  it.each([
    ['hubspot', () => startHubSpotEmulator({ contactCount: 3 }), 'server_error_5xx', '/crm/v3/objects/contacts'],
    ['marketo', () => startMarketoEmulator({ leadCount: 3 }), 'server_error_5xx', '/rest/v1/leads/describe.json'],
    ['pardot', () => startPardotEmulator({ prospectCount: 3 }), 'server_error_5xx', '/api/v5/objects/prospects'],
    ['eloqua', () => startEloquaEmulator({ contactCount: 3 }), 'server_error_5xx', '/api/REST/1.0/data/contacts'],
  ] as const)('%s answers 501 for unknown routes and applies a fault posted to /__emulator/faults', async (_name, start, fault, path) => {
    running = await start();
    const unknown = await fetch(`${running.baseUrl}/no/such/route`);
    expect(unknown.status).toBe(501);
    expect(await unknown.json()).toEqual({ error: 'unhandled: GET /no/such/route' });
    expect((await post(`${running.baseUrl}/__emulator/faults`, { fault: 'nope' })).status).toBe(400);
    expect((await post(`${running.baseUrl}/__emulator/faults`, { fault, times: 1, status: 503 })).status).toBe(200);
    const headers = { authorization: `Bearer ${running.credentials.accessToken}`, 'pardot-business-unit-id': running.credentials.businessUnitId ?? '' };
    expect((await fetch(`${running.baseUrl}${path}`, { headers })).status).toBe(503);
    expect((await fetch(`${running.baseUrl}${path}`, { headers })).status).toBe(200);
  });

  it('HubSpot counts the ten-second burst per portal and answers 429 TEN_SECONDLY_ROLLING past it', async () => {
    const hubspot = await startHubSpotEmulator({ contactCount: 1, burstLimit: 2 });
    running = hubspot;
    const call = () => fetch(`${hubspot.baseUrl}/crm/v3/objects/contacts`, { headers: { authorization: `Bearer ${hubspot.credentials.accessToken}` } });
    expect((await call()).headers.get('x-hubspot-ratelimit-remaining')).toBe('1');
    await call();
    const limited = await call();
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING' });
  });

  it('Marketo answers 606 in an HTTP 200 body past 100 calls in 20 s, and only successful calls count', async () => {
    const marketo = await startMarketoEmulator({ leadCount: 1, burstLimit: 2 });
    running = marketo;
    const call = (token = marketo.credentials.accessToken) => fetch(`${marketo.baseUrl}/rest/v1/leads/describe.json`, { headers: { authorization: `Bearer ${token}` } });
    expect(await (await call('bad')).json()).toMatchObject({ success: false, errors: [{ code: '601', message: 'Access token invalid' }] });
    await call();
    await call();
    const limited = await call();
    expect(limited.status).toBe(200);
    expect(await limited.json()).toMatchObject({ success: false, errors: [{ code: '606' }] });
    expect(marketo.state.quota.used).toBe(2);
  });
});
