import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../test/databases';
import { RawHttpConnection } from '../../../test/rawHttpClient';
import { useRouteFixture } from '../../../test/routeFixture';
import { createTestDeps } from '../../../test/testApp';
import { buildApp } from '../buildApp';
import { beaconFastPathCounts } from './beaconFastPath';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';

/** What a write to a connection the server has closed fails with (and nothing else may fail it). */
const closedConnectionCodes = new Set(['EPIPE', 'ECONNRESET', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END']);

const portOf = (app: FastifyInstance) => {
  const address = app.server.address();
  return typeof address === 'object' && address ? address.port : 0;
};

describe.each(testDatabaseKinds())('web tag beacon fast path: timeouts, backpressure, proxies and shutdown on %s', (kind) => {
  const fixture = useRouteFixture(kind);
  /** Behind a proxy, with short timeouts: its own app on the fixture's database. */
  let app: FastifyInstance;
  let tagKey: string;
  const beacon = (visitor: string, headers = '') => {
    const body = JSON.stringify({ k: tagKey, v: visitor, u: `https://www.limits.test/${visitor}`, r: null });
    return `POST /t/collect HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nUser-Agent: ${BROWSER}\r\n${headers}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  };
  const stored = async (prefix: string) =>
    fixture.database.query<{ visitor_id: string; company_id: string | null }>(
      `SELECT visitor_id, company_id FROM web_visits WHERE org_id = $1 AND visitor_id LIKE $2 ORDER BY visitor_id`,
      [fixture.org.orgId, `${prefix}%`],
    );

  beforeAll(async () => {
    const admin = await fixture.headersOf(fixture.org, 'primary_admin');
    tagKey = (await fixture.app.inject({ method: 'GET', url: '/api/web-tag', headers: admin })).json().tagKey;
    const imported = await fixture.app.inject({ method: 'POST', url: '/api/web-tag/ip-ranges', headers: admin, payload: { csv: 'cidr,company_name,domain,company_id\n198.51.100.0/24,Proxied Ltd,proxied.test,cmp-proxied\n' } });
    expect(imported.json()).toMatchObject({ imported: 1 });
    app = await buildApp(createTestDeps(fixture.database, { config: { isBehindProxy: true } }), { isServingWeb: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    if (app.server.listening) await app.close();
  });

  it('resolves the visitor from X-Forwarded-For behind a proxy, as Node’s path does', async () => {
    const connection = await RawHttpConnection.open(portOf(app));
    await connection.send(beacon('proxied-0001', 'X-Forwarded-For: 198.51.100.7, 10.0.0.1\r\n') + beacon('proxied-0002'));
    expect((await connection.answers(2)).map((answer) => answer.status)).toEqual([204, 204]);
    expect(beaconFastPathCounts(app.server)?.[204]).toBe(2);
    connection.close();
    // The collector writes its queue every 50 ms.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await stored('proxied-')).toEqual([
      { visitor_id: 'proxied-0001', company_id: 'cmp-proxied' },
      { visitor_id: 'proxied-0002', company_id: null },
    ]);
  });

  it('answers 408 and closes a request that does not arrive within headersTimeout, and closes idle connections', async () => {
    const { headersTimeout, keepAliveTimeout } = app.server;
    app.server.headersTimeout = 300;
    app.server.keepAliveTimeout = 400;
    try {
      // Slowloris: a byte now and then, never the whole head.
      const slow = await RawHttpConnection.open(portOf(app));
      const started = Date.now();
      const dripping = (async () => {
        for (const byte of 'POST /t/collect HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ') {
          if (slow.isClosed) return;
          // The server may close between the check above and this write: only a closed connection may fail it.
          await slow.send(byte).catch((error: NodeJS.ErrnoException) => {
            if (!closedConnectionCodes.has(error.code ?? '')) throw error;
          });
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();
      expect(await slow.closed(3_000)).toBe('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n');
      expect(Date.now() - started).toBeLessThan(1_500);
      await dripping;
      // Idle after an answer: closed after keepAliveTimeout.
      const idle = await RawHttpConnection.open(portOf(app));
      await idle.send(beacon('idle-0001'));
      expect((await idle.answers(1))[0]?.status).toBe(204);
      const answered = Date.now();
      await idle.closed(3_000);
      expect(Date.now() - answered).toBeGreaterThanOrEqual(300);
    } finally {
      app.server.headersTimeout = headersTimeout;
      app.server.keepAliveTimeout = keepAliveTimeout;
    }
  });

  it('stops reading while a client does not read its answers, then answers every beacon', async () => {
    const connection = await RawHttpConnection.open(portOf(app));
    connection.socket.pause();
    const count = 12_000;
    const all = Array.from({ length: count }, (_, n) => beacon(`pressure-${String(n).padStart(5, '0')}`)).join('');
    const sent = connection.send(all);
    await new Promise((resolve) => setTimeout(resolve, 300));
    connection.socket.resume();
    await sent;
    const answers = await connection.answers(count, 20_000);
    expect(answers.every((answer) => answer.status === 204)).toBe(true);
    connection.close();
  });

  it('closes its idle keep-alive connections when the server closes, and stores what it accepted', async () => {
    const connection = await RawHttpConnection.open(portOf(app));
    await connection.send(beacon('closing-0001'));
    expect((await connection.answers(1))[0]?.status).toBe(204);
    const started = Date.now();
    await app.close();
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await connection.closed(1_000)).toBe('');
    expect((await stored('closing-')).map((row) => row.visitor_id)).toEqual(['closing-0001']);
  });
});
