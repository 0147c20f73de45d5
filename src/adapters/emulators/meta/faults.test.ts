import { afterEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../kit/hashing';
import { startMetaEmulator, type MetaEmulator, type MetaEmulatorOptions } from './index';

let emulator: MetaEmulator;
afterEach(async () => emulator?.close());

async function start(options: MetaEmulatorOptions = {}) {
  emulator = await startMetaEmulator(options);
  const graph = async (path: string, init: { method?: string; body?: unknown; token?: string } = {}) => {
    const response = await fetch(`${emulator.baseUrl}/v24.0/${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${init.token ?? emulator.credentials.accessToken}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as { error?: Record<string, unknown> } & Record<string, unknown> };
  };
  const control = (path: string, body: unknown) => fetch(`${emulator.baseUrl}/__emulator/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const createAudience = async (account = emulator.credentials.adAccountId) =>
    graph(`${account}/customaudiences`, { method: 'POST', body: { name: 'Tier 1', subtype: 'CUSTOM', customer_file_source: 'USER_PROVIDED_ONLY' } });
  return { graph, control, createAudience };
}

const rows = (count: number) => Array.from({ length: count }, (_, index) => [sha256Hex(`p${index}@example.com`)]);
const upload = (session: Record<string, unknown> | undefined, data = rows(3)) => ({ ...(session ? { session } : {}), payload: { schema: ['EMAIL'], data } });

describe('Meta emulator faults and limits', () => {
  it('expired_token answers HTTP 400 code 190 / 463, or 401 when asked', async () => {
    const { graph, control } = await start();
    emulator.injectFault('expired_token');
    const expired = await graph('me/adaccounts');
    expect(expired.status).toBe(400);
    expect(expired.body.error).toMatchObject({ code: 190, error_subcode: 463, type: 'OAuthException' });
    await control('faults', { fault: 'expired_token', status: 401 });
    expect((await graph('me')).status).toBe(401);
  });

  it('rate_limit answers 80003 with x-business-use-case-usage (Retry-After only when given) and code 4 with x-app-usage', async () => {
    const { graph, control } = await start();
    await control('faults', { fault: 'rate_limit', times: 1 });
    const limited = await graph('me');
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({ code: 80003, message: 'There have been too many calls to this ad-account.' });
    expect(JSON.parse(limited.headers.get('x-business-use-case-usage') ?? '{}')).toMatchObject({ '100200300': [{ estimated_time_to_regain_access: 1 }] });
    expect(limited.headers.get('retry-after')).toBeNull();
    await control('faults', { fault: 'rate_limit', times: 1, code: 80004, retryAfterSeconds: 120 });
    const withRetry = await graph('me');
    expect([withRetry.status, withRetry.body.error?.code, withRetry.headers.get('retry-after')]).toEqual([429, 80004, '120']);
    await control('faults', { fault: 'rate_limit', times: 1, code: 4 });
    const app = await graph('me');
    expect([app.status, app.body.error?.code, app.headers.has('x-app-usage')]).toEqual([400, 4, true]);
    expect((await graph('me')).status).toBe(200);
  });

  it('counts audience-edge calls per ad account per minute (80003 beyond the limit) and the app day quota (code 4 until the day rolls)', async () => {
    const { graph, control, createAudience } = await start({ audienceCallsPerMinute: 2 });
    const { body } = await createAudience();
    for (let call = 0; call < 2; call += 1) expect((await graph(`${String(body.id)}/users`, { method: 'POST', body: upload(undefined) })).status).toBe(200);
    const third = await graph(`${String(body.id)}/users`, { method: 'POST', body: upload(undefined) });
    expect([third.status, third.body.error?.code]).toEqual([429, 80003]);
    await control('clock', { advanceMs: 60_000 });
    expect((await graph(`${String(body.id)}/users`, { method: 'POST', body: upload(undefined) })).status).toBe(200);
    emulator.injectFault('quota_exhausted');
    expect((await graph('me')).body.error).toMatchObject({ code: 4, message: '(#4) Application request limit reached' });
    await control('clock', { advanceMs: 86_400_000 });
    expect((await graph('me')).status).toBe(200);
  });

  it('enforces sessions: batch_seq from 1, no batch after the last, a 90-minute window; at most 10,000 rows; malformed hashes sampled', async () => {
    const { graph, control, createAudience } = await start();
    const id = String((await createAudience()).body.id);
    const badStart = await graph(`${id}/users`, { method: 'POST', body: upload({ session_id: 7, batch_seq: 2, last_batch_flag: false }) });
    expect(badStart.body.error).toMatchObject({ code: 2650, error_subcode: 1870147 });
    expect((await graph(`${id}/users`, { method: 'POST', body: upload({ session_id: 7, batch_seq: 1, last_batch_flag: true }) })).status).toBe(200);
    expect((await graph(`${id}/users`, { method: 'POST', body: upload({ session_id: 7, batch_seq: 2, last_batch_flag: true }) })).body.error).toMatchObject({ code: 2650, error_subcode: 1870159 });
    expect((await graph(`${id}/users`, { method: 'POST', body: upload({ session_id: 8, batch_seq: 1, last_batch_flag: false }) })).status).toBe(200);
    await control('clock', { advanceMs: 90 * 60_000 });
    expect((await graph(`${id}/users`, { method: 'POST', body: upload({ session_id: 8, batch_seq: 2, last_batch_flag: true }) })).body.error).toMatchObject({ code: 2650, error_subcode: 1870158 });
    expect((await graph(`${id}/users`, { method: 'POST', body: upload(undefined, rows(10_001)) })).body.error).toMatchObject({ code: 105 });
    const mixed = await graph(`${id}/users`, { method: 'POST', body: { payload: { schema: ['EMAIL', 'PHONE'], data: [[sha256Hex('a@example.com'), ''], ['A@EXAMPLE.COM', ''], [sha256Hex('b@example.com').toUpperCase(), '']] } } });
    expect(mixed.body).toMatchObject({ num_received: 3, num_invalid_entries: 2 });
    expect(Object.keys(mixed.body.invalid_entry_samples as object)).toHaveLength(2);
  });

  it('removes with POST method=DELETE and replaces with usersreplace sessions', async () => {
    const { graph, createAudience } = await start({ processingDelayMs: 0 });
    const id = String((await createAudience()).body.id);
    await graph(`${id}/users`, { method: 'POST', body: upload(undefined, rows(10)) });
    await graph(`${id}/users`, { method: 'POST', body: { method: 'DELETE', ...upload(undefined, rows(4)) } });
    const members = async () => ((await (await fetch(`${emulator.baseUrl}/__emulator/audiences/${id}/members`)).json()) as { memberCount: number }).memberCount;
    expect(await members()).toBe(6);
    await graph(`${id}/usersreplace`, { method: 'POST', body: upload({ session_id: 5, batch_seq: 1, last_batch_flag: false }, rows(2)) });
    expect((await graph(`${id}/usersreplace`, { method: 'POST', body: upload({ session_id: 6, batch_seq: 1, last_batch_flag: false }, rows(2)) })).body.error).toMatchObject({ code: 2650, error_subcode: 1870145 });
    await graph(`${id}/usersreplace`, { method: 'POST', body: upload({ session_id: 5, batch_seq: 2, last_batch_flag: true }, [[sha256Hex('new@example.com')]]) });
    expect(await members()).toBe(3);
  });

  it('refuses writes without permission or terms, and on deleted or flagged audiences', async () => {
    const { graph, createAudience } = await start();
    expect((await createAudience('act_100200303')).body.error).toMatchObject({ code: 200 });
    expect((await createAudience('act_100200302')).body.error).toMatchObject({ code: 200, error_subcode: 1870090 });
    expect((await graph('act_999/customaudiences')).body.error).toMatchObject({ code: 100, error_subcode: 33 });
    const id = String((await createAudience()).body.id);
    emulator.injectFault('audience_flagged', { audienceId: id });
    expect((await graph(`${id}/users`, { method: 'POST', body: upload(undefined) })).body.error).toMatchObject({ code: 100, error_subcode: 1713230 });
    expect((await graph(`${id}?fields=operation_status`)).body).toMatchObject({ operation_status: { code: 471 } });
    emulator.injectFault('audience_deleted', { audienceId: id });
    expect((await graph(`${id}/users`, { method: 'POST', body: upload(undefined) })).body.error).toMatchObject({ code: 100, error_subcode: 1487366 });
    expect((await graph(`${id}/adsets`)).status).toBe(501);
  });

  it('runs the OAuth dialog, code exchange, long-lived exchange and debug_token; consent_denied redirects with the error', async () => {
    const { control } = await start();
    const { clientId, clientSecret } = emulator.credentials;
    const dialog = await fetch(`${emulator.credentials.authorizeUrl}?client_id=${clientId}&redirect_uri=http://127.0.0.1:9/cb&state=s1&scope=ads_management`, { redirect: 'manual' });
    const code = new URL(dialog.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const token = (await (await fetch(`${emulator.credentials.tokenUrl}?client_id=${clientId}&client_secret=${clientSecret}&redirect_uri=http://127.0.0.1:9/cb&code=${code}`)).json()) as { access_token: string; expires_in: number };
    expect(token.expires_in).toBe(7_200);
    const long = (await (await fetch(`${emulator.credentials.tokenUrl}?grant_type=fb_exchange_token&client_id=${clientId}&client_secret=${clientSecret}&fb_exchange_token=${token.access_token}`)).json()) as { access_token: string; expires_in: number };
    expect(long.expires_in).toBe(60 * 86_400);
    const debug = (await (await fetch(`${emulator.baseUrl}/v24.0/debug_token?input_token=${long.access_token}&access_token=${clientId}|${clientSecret}`)).json()) as { data: Record<string, unknown> };
    expect(debug.data).toMatchObject({ is_valid: true, app_id: clientId, scopes: ['ads_management'] });
    await control('faults', { fault: 'consent_denied', times: 1 });
    const denied = await fetch(`${emulator.credentials.authorizeUrl}?client_id=${clientId}&redirect_uri=http://127.0.0.1:9/cb&state=s2`, { redirect: 'manual' });
    expect(Object.fromEntries(new URL(denied.headers.get('location') ?? '').searchParams)).toEqual({ error: 'access_denied', error_code: '200', error_description: 'Permissions error', error_reason: 'user_denied', state: 's2' });
  });
});
