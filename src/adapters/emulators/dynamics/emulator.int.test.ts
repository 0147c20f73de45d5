import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../ports/clock';
import { DEMO_VIEW_NAMES, startDynamicsEmulator, type RunningDynamicsEmulator } from './index';

/** The emulator on its own, spoken to in raw HTTP as the reference describes (no connector code). */
const clock = fixedClock(new Date('2026-03-02T09:00:00Z'));
let emulator: RunningDynamicsEmulator;
let accessToken = '';
const clears: Array<() => void> = [];

beforeAll(async () => {
  emulator = await startDynamicsEmulator({ clock, accountCount: 120, inactiveAccountCount: 30 });
  accessToken = String((await (await token({ grant_type: 'refresh_token', refresh_token: emulator.credentials.refreshToken })).json() as { access_token: string }).access_token);
});
afterEach(() => {
  for (const clear of clears.splice(0)) clear();
  emulator.state.savedQueryPagingMode = 'nextLink';
});
afterAll(() => emulator.close());

function token(form: Record<string, string>): Promise<Response> {
  const { clientId, clientSecret, orgUrl, authorityUrl } = emulator.credentials;
  return fetch(`${authorityUrl}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: clientId, client_secret: clientSecret, scope: `${orgUrl}/user_impersonation offline_access`, ...form }),
  });
}

function api(path: string, prefer?: string): Promise<Response> {
  return fetch(`${emulator.baseUrl}/api/data/v9.2/${path}`, { headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json', ...(prefer ? { prefer } : {}) } });
}

type Body = Record<string, unknown> & { value: Array<Record<string, unknown>> };
const FETCH_PREFER = 'odata.include-annotations="Microsoft.Dynamics.CRM.fetchxmlpagingcookie,Microsoft.Dynamics.CRM.morerecords"';

describe('Dynamics emulator: Entra ID token endpoint', () => {
  it('answers a comma-separated scope with AADSTS70011', async () => {
    const response = await token({ grant_type: 'refresh_token', refresh_token: emulator.credentials.refreshToken, scope: `${emulator.credentials.orgUrl}/user_impersonation,offline_access` });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_scope', error_codes: [70011] });
  });

  it('gives client_credentials an access token without a refresh token', async () => {
    const body = (await (await token({ grant_type: 'client_credentials', scope: `${emulator.credentials.orgUrl}/.default` })).json()) as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600 });
    expect(body.refresh_token).toBeUndefined();
  });

  it('answers a revoked refresh token with invalid_grant and the AADSTS code', async () => {
    clears.push(emulator.injectFault('revokedRefreshToken', { aadstsCode: 50173 }));
    const response = await token({ grant_type: 'refresh_token', refresh_token: emulator.credentials.refreshToken });
    const body = (await response.json()) as { error: string; error_description: string; error_codes: number[] };
    expect(response.status).toBe(400);
    expect(body.error).toBe('invalid_grant');
    expect(body.error_description).toMatch(/^AADSTS50173: .*\r\nTrace ID: /);
  });
});

describe('Dynamics emulator: Web API', () => {
  it('answers with OData headers, etags, and null columns kept on $select', async () => {
    const response = await api('accounts?$select=name,accountnumber&$top=50');
    expect(response.headers.get('odata-version')).toBe('4.0');
    expect(response.headers.get('content-type')).toContain('odata.metadata=minimal');
    const body = (await response.json()) as Body;
    expect(body['@odata.context']).toContain('$metadata#accounts(name,accountnumber)');
    expect(body.value[0]?.['@odata.etag']).toMatch(/^W\/"\d+"$/);
    expect(body.value.some((row) => row.accountnumber === null)).toBe(true);
  });

  it('pages with odata.maxpagesize and @odata.nextLink over every row once', async () => {
    const ids: unknown[] = [];
    let response = await api('accounts?$select=name', 'odata.maxpagesize=40');
    expect(response.headers.get('preference-applied')).toBe('odata.maxpagesize=40');
    for (;;) {
      const body = (await response.json()) as Body;
      ids.push(...body.value.map((row) => row.accountid));
      const next = body['@odata.nextLink'];
      if (typeof next !== 'string') break;
      response = await fetch(next, { headers: { authorization: `Bearer ${accessToken}`, prefer: 'odata.maxpagesize=40' } });
    }
    expect(ids).toHaveLength(150);
    expect(new Set(ids).size).toBe(150);
  });

  it('refuses $skip and unknown columns with OData errors', async () => {
    expect(await (await api('accounts?$skip=10')).json()).toMatchObject({ error: { code: '0x80060888' } });
    expect(await (await api('accounts?$select=nope')).json()).toMatchObject({ error: { code: '0x80060888' } });
  });

  it('runs FetchXML with double-encoded paging cookies, and drops the annotations on the last page', async () => {
    const fetchXml = (page: number, cookie?: string): string =>
      `<fetch count="100" page="${page}"${cookie ? ` paging-cookie="${cookie.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}"` : ''}><entity name="account"><attribute name="name" /><attribute name="accountnumber" /></entity></fetch>`;
    const first = (await (await api(`accounts?fetchXml=${encodeURIComponent(fetchXml(1))}`, FETCH_PREFER)).json()) as Body;
    expect(first['@Microsoft.Dynamics.CRM.morerecords']).toBe(true);
    expect(first.value.some((row) => 'accountnumber' in row && row.accountnumber === null)).toBe(false);
    const annotation = String(first['@Microsoft.Dynamics.CRM.fetchxmlpagingcookie']);
    const encoded = /pagingcookie="([^"]+)"/.exec(annotation)?.[1] ?? '';
    const onceDecoded = decodeURIComponent(encoded);
    const badly = await api(`accounts?fetchXml=${encodeURIComponent(fetchXml(2, onceDecoded))}`, FETCH_PREFER);
    expect(badly.status).toBe(400);
    const second = (await (await api(`accounts?fetchXml=${encodeURIComponent(fetchXml(2, decodeURIComponent(onceDecoded)))}`, FETCH_PREFER)).json()) as Body;
    expect(second.value).toHaveLength(50);
    expect(second['@Microsoft.Dynamics.CRM.morerecords']).toBeUndefined();
    expect(second['@Microsoft.Dynamics.CRM.fetchxmlpagingcookie']).toBeUndefined();
    expect(new Set([...first.value, ...second.value].map((row) => row.accountid)).size).toBe(150);
  });

  it('omits the paging annotations when the Prefer header does not ask for them', async () => {
    const body = (await (await api(`accounts?fetchXml=${encodeURIComponent('<fetch count="10"><entity name="account"><attribute name="name" /></entity></fetch>')}`)).json()) as Body;
    expect(body['@Microsoft.Dynamics.CRM.morerecords']).toBeUndefined();
  });

  it('runs a saved view with a nextLink, or in cookieOnly mode with only the cookie annotations', async () => {
    const id = emulator.state.views.find((view) => view.name === DEMO_VIEW_NAMES.activeAccounts)?.id ?? '';
    const linked = (await (await api(`accounts?savedQuery=${id}`, 'odata.maxpagesize=50')).json()) as Body;
    expect(linked['@odata.nextLink']).toContain('savedQuery=');
    emulator.state.savedQueryPagingMode = 'cookieOnly';
    const cookieOnly = (await (await api(`accounts?savedQuery=${id}`, 'odata.maxpagesize=50')).json()) as Body;
    expect(cookieOnly['@odata.nextLink']).toBeUndefined();
    expect(cookieOnly['@Microsoft.Dynamics.CRM.morerecords']).toBe(true);
  });

  it('lists only personal views owned by or shared with the caller', async () => {
    const body = (await (await api(`userqueries?$select=name&$filter=returnedtypecode eq 'account'`)).json()) as Body;
    expect(body.value.map((row) => row.name).sort()).toEqual([DEMO_VIEW_NAMES.sharedEmeaExpansion, DEMO_VIEW_NAMES.myTargetAccounts].sort());
  });

  it('answers 404 0x80040217 for a view that does not exist', async () => {
    const response = await api('accounts?savedQuery=00000000-0000-0000-00aa-000010001002');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: '0x80040217' } });
  });

  it('extends a 429 penalty when the client retries early, and lets it through after Retry-After', async () => {
    clears.push(emulator.injectFault('throttled', { retryAfterSeconds: 10, code: '0x80072326' }));
    const first = await api('WhoAmI');
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('10');
    expect(await first.json()).toEqual({ error: { code: '0x80072326', message: 'Number of concurrent requests exceeded the limit of 52.' } });
    clock.advance(5_000);
    expect((await api('WhoAmI')).status).toBe(429);
    clock.advance(9_000);
    expect((await api('WhoAmI')).status).toBe(429);
    clock.advance(10_000);
    expect((await api('WhoAmI')).status).toBe(200);
  });

  it('answers an expired token with 401 and an empty body', async () => {
    clears.push(emulator.injectFault('expiredToken'));
    const response = await api('WhoAmI');
    expect(response.status).toBe(401);
    expect(await response.text()).toBe('');
    accessToken = String((await (await token({ grant_type: 'refresh_token', refresh_token: emulator.credentials.refreshToken })).json() as { access_token: string }).access_token);
  });

  it('answers a route it does not implement with 501', async () => {
    const response = await api('opportunities');
    expect(response.status).toBe(501);
    expect(await response.json()).toEqual({ error: 'unhandled: GET /api/data/v9.2/opportunities' });
  });
});
