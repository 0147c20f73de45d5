import Fastify from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { TestOrg } from '../../../test/createTestOrg';
import { testDatabaseKinds } from '../../../test/databases';
import { useRouteFixture } from '../../../test/routeFixture';
import { registerWebTag } from './registerWebTag';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';

describe.each(testDatabaseKinds())('web tag on %s', (kind) => {
  const fixture = useRouteFixture(kind);
  let app: FastifyInstance;
  let org: TestOrg;
  let otherOrg: TestOrg;
  beforeAll(() => {
    ({ app, org, otherOrg } = fixture);
  });

  const beacon = (key: string, visitor: string, url: string, headers: Record<string, string> = {}, remoteAddress = '203.0.113.9') =>
    app.inject({
      method: 'POST',
      url: '/t/collect',
      headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': BROWSER, ...headers },
      remoteAddress,
      payload: JSON.stringify({ k: key, v: visitor, u: url, r: 'https://search.example/' }),
    });

  it('serves the tag script cross-origin and shows the snippet in Settings', async () => {
    const headers = await fixture.headersOf(org, 'marketing_user');
    const settings = (await app.inject({ method: 'GET', url: '/api/web-tag', headers })).json();
    expect(settings.snippet).toBe(`<script async src="http://127.0.0.1:0/t/tag.js" data-openabm-key="${settings.tagKey}"></script>`);
    const script = await app.inject({ method: 'GET', url: '/t/tag.js' });
    expect(script.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(script.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(script.body).toContain('globalPrivacyControl');
  });

  it('stores visits, resolves the IP to the org’s company, and ignores bots and Do Not Track', async () => {
    const admin = await fixture.headersOf(org, 'primary_admin');
    const { tagKey } = (await app.inject({ method: 'GET', url: '/api/web-tag', headers: admin })).json();
    const imported = await app.inject({
      method: 'POST',
      url: '/api/web-tag/ip-ranges',
      headers: admin,
      payload: {
        csv: 'cidr,company_name,domain,company_id\n203.0.113.0/24,Vantorel Systems,vantorel.test,cmp-vantorel\nbad,X,,\n2001:db8:77::/48,Kestrel Labs,kestrel.test,cmp-kestrel\n',
      },
    });
    expect(imported.json()).toEqual({ imported: 2, rejected: [{ line: 3, reason: 'not an IP range (give cidr like 203.0.113.0/24 or 2001:db8::/32, or start_ip ≤ end_ip of one family)' }] });
    const first = await beacon(tagKey, 'visitor-0001', 'https://www.vantorel.test/pricing?x=1');
    expect(first.statusCode).toBe(204);
    // The beacon path skips helmet: no Content-Security-Policy on a 204; the API keeps it.
    expect(first.headers['content-security-policy']).toBeUndefined();
    expect(first.headers['access-control-allow-origin']).toBe('*');
    expect((await app.inject({ method: 'GET', url: '/api/web-tag', headers: admin })).headers['content-security-policy']).toBeDefined();
    expect((await beacon(tagKey, 'visitor-0004', 'https://www.kestrel.test/careers', {}, '2001:db8:77:1::9')).statusCode).toBe(204);
    expect((await beacon(tagKey, 'visitor-0001', 'https://www.vantorel.test/docs')).statusCode).toBe(204);
    expect((await beacon(tagKey, 'visitor-0002', 'https://www.vantorel.test/', { 'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' })).statusCode).toBe(204);
    expect((await beacon(tagKey, 'visitor-0003', 'https://www.vantorel.test/', { dnt: '1' })).statusCode).toBe(204);
    expect((await beacon('unknown-key-000000000000', 'visitor-0001', 'https://a.test/')).statusCode).toBe(404);
    const malformed = await beacon(tagKey, 'x', 'https://a.test/');
    expect(malformed.json()).toEqual({ code: 'validation_failed', message: 'v (visitor id) is missing or malformed.' });
    const tooLarge = await app.inject({ method: 'POST', url: '/t/collect', headers: { 'content-type': 'text/plain', 'user-agent': BROWSER }, payload: 'x'.repeat(9000) });
    expect([tooLarge.statusCode, tooLarge.json()]).toEqual([413, { code: 'payload_too_large', message: 'The beacon is too large.' }]);
    const badJson = await app.inject({ method: 'POST', url: '/t/collect', headers: { 'content-type': 'application/json', 'user-agent': BROWSER }, payload: '{"k":' });
    expect([badJson.statusCode, badJson.json()]).toEqual([400, { code: 'validation_failed', message: 'The beacon is not JSON.' }]);
    await app.close();
    // app.close() flushed the collector; reopen a reader through the database.
    const rows = await fixture.database.query<{ page: string; company_id: string | null; org_id: string }>(`SELECT page, company_id, org_id FROM web_visits WHERE org_id = $1 ORDER BY page`, [org.orgId]);
    expect(rows.map((row) => [row.page, row.company_id])).toEqual([
      ['www.kestrel.test/careers', 'cmp-kestrel'],
      ['www.vantorel.test/docs', 'cmp-vantorel'],
      ['www.vantorel.test/pricing', 'cmp-vantorel'],
    ]);
    expect(await fixture.database.query(`SELECT 1 FROM web_visits WHERE org_id = $1`, [otherOrg.orgId])).toEqual([]);
  });
});

describe.each(testDatabaseKinds())('web tag over real HTTP on %s', (kind) => {
  const fixture = useRouteFixture(kind);

  it('hands beacons to the raw collect handler with the same answers, and the rest to the web tag app without the API hooks', async () => {
    const { app, org } = fixture;
    const headers = await fixture.headersOf(org, 'marketing_user');
    const { tagKey } = (await app.inject({ method: 'GET', url: '/api/web-tag', headers })).json();
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const post = (body: string, extra: Record<string, string> = {}) =>
      fetch(`${base}/t/collect`, { method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': BROWSER, ...extra }, body });
    const answer = async (response: Response) => [response.status, response.status === 204 ? '' : await response.json()];

    const script = await fetch(`${base}/t/tag.js`);
    expect([script.status, script.headers.get('content-security-policy')]).toEqual([200, null]);
    expect(await script.text()).toContain('globalPrivacyControl');
    const stored = await post(JSON.stringify({ k: tagKey, v: 'visitor-http-01', u: 'https://www.http.test/over-http?a=1', r: 'https://search.example/' }));
    expect(await answer(stored)).toEqual([204, '']);
    expect([stored.headers.get('access-control-allow-origin'), stored.headers.get('cache-control'), stored.headers.get('content-security-policy')]).toEqual(['*', 'no-store', null]);
    expect(await answer(await post(JSON.stringify({ k: tagKey, v: 'visitor-http-02', u: 'https://www.http.test/dnt' }), { dnt: '1' }))).toEqual([204, '']);
    expect(await answer(await post(JSON.stringify({ k: tagKey, v: 'visitor-http-03', u: 'https://www.http.test/gpc' }), { 'sec-gpc': '1' }))).toEqual([204, '']);
    expect(await answer(await post(JSON.stringify({ k: tagKey, v: 'visitor-http-04', u: 'https://www.http.test/bot' }), { 'user-agent': 'curl/8.5.0' }))).toEqual([204, '']);
    // COPY's separators and escape character inside the URL, the page and the referrer are stored as sent.
    const escaped = await post(JSON.stringify({ k: tagKey, v: 'visitor-http-07', u: 'https://www.http.test/back\\slash?tab=\t&line=\n', r: 'https://search.example/\r\\N' }));
    expect(await answer(escaped)).toEqual([204, '']);
    // Text PostgreSQL cannot store is refused before it reaches a batch (it would fail every visit written with it).
    expect(await answer(await post(JSON.stringify({ k: tagKey, v: 'visitor-http-08', u: 'https://www.http.test/nul\u0000' })))).toEqual([
      400,
      { code: 'validation_failed', message: 'u (page URL) holds a NUL character or a broken Unicode character.' },
    ]);
    expect(await answer(await post(JSON.stringify({ k: tagKey, v: 'visitor-http-09', u: 'https://www.http.test/', r: 'https://search.example/\ud800' })))).toEqual([
      400,
      { code: 'validation_failed', message: 'r (referrer) holds a NUL character or a broken Unicode character.' },
    ]);
    expect(await answer(await post('{'))).toEqual([400, { code: 'validation_failed', message: 'The beacon is not JSON.' }]);
    expect(await answer(await post(JSON.stringify({ k: tagKey, v: 'visitor-http-05', u: 'ftp://www.http.test/' })))).toEqual([400, { code: 'validation_failed', message: 'u (page URL) is not an http(s) URL.' }]);
    expect(await answer(await post(JSON.stringify({ k: 'unknown-key-000000000000', v: 'visitor-http-06', u: 'https://www.http.test/' })))).toEqual([404, { code: 'not_found', message: 'No organisation has this web tag key.' }]);
    expect(await answer(await post('x'.repeat(9000)))).toEqual([413, { code: 'payload_too_large', message: 'The beacon is too large.' }]);
    const wrongType = await post('{}', { 'content-type': 'image/png' });
    expect([await answer(wrongType), wrongType.headers.get('access-control-allow-origin')]).toEqual([[415, { code: 'bad_request', message: 'Send the beacon as text/plain or application/json.' }], '*']);
    // Another method on the collect path, and a preflight, go to the web tag app's router.
    expect((await fetch(`${base}/t/collect`, { method: 'GET' })).status).toBe(404);
    const preflight = await fetch(`${base}/t/collect`, { method: 'OPTIONS' });
    expect([preflight.status, preflight.headers.get('access-control-allow-methods')]).toEqual([204, 'POST']);

    await app.close(); // flushes the collector
    const rows = await fixture.database.query<{ page: string; url: string; referrer: string }>(`SELECT page, url, referrer FROM web_visits WHERE org_id = $1 ORDER BY page`, [org.orgId]);
    expect(rows).toEqual([
      { page: 'www.http.test/back\\slash', url: 'https://www.http.test/back\\slash?tab=\t&line=\n', referrer: 'https://search.example/\r\\N' },
      { page: 'www.http.test/over-http', url: 'https://www.http.test/over-http?a=1', referrer: 'https://search.example/' },
    ]);
  });
});

describe.each(testDatabaseKinds())('web tag collector under pressure on %s', (kind) => {
  const fixture = useRouteFixture(kind);

  it('answers 503 with Retry-After when its queue is full, and stores what it accepted on shutdown', async () => {
    const small = Fastify();
    await registerWebTag(small, fixture.deps, { maxQueued: 2, flushIntervalMs: 3_600_000 });
    const admin = await fixture.headersOf(fixture.org, 'primary_admin');
    const { tagKey } = (await fixture.app.inject({ method: 'GET', url: '/api/web-tag', headers: admin })).json();
    const send = (n: number) =>
      small.inject({ method: 'POST', url: '/t/collect', headers: { 'content-type': 'text/plain', 'user-agent': BROWSER }, payload: JSON.stringify({ k: tagKey, v: `visitor-${1000 + n}`, u: `https://a.test/${n}` }) });
    const statuses = [(await send(1)).statusCode, (await send(2)).statusCode, (await send(3)).statusCode];
    expect(statuses).toEqual([204, 204, 503]);
    await small.close();
    expect(await fixture.database.query(`SELECT page FROM web_visits WHERE org_id = $1 ORDER BY page`, [fixture.org.orgId])).toEqual([{ page: 'a.test/1' }, { page: 'a.test/2' }]);
  });
});
