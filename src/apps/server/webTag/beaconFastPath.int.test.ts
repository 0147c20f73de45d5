import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../test/databases';
import { RawHttpConnection, type RawAnswer } from '../../../test/rawHttpClient';
import { useRouteFixture } from '../../../test/routeFixture';
import { createTestDeps } from '../../../test/testApp';
import { buildApp } from '../buildApp';
import { beaconFastPathCounts } from './beaconFastPath';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';

/** A beacon's request as a browser's sendBeacon writes it; `headers` replace or add lines (null drops one). */
function beaconRequest(body: string, headers: Record<string, string | null> = {}): string {
  const lines: Record<string, string | null> = { Host: '127.0.0.1', 'Content-Type': 'text/plain;charset=UTF-8', 'User-Agent': BROWSER, 'Content-Length': String(Buffer.byteLength(body)), ...headers };
  const head = Object.entries(lines)
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  return `POST /t/collect HTTP/1.1\r\n${head}\r\n${body}`;
}

const portOf = (app: FastifyInstance) => {
  const address = app.server.address();
  return typeof address === 'object' && address ? address.port : 0;
};
const fastAnswers = (app: FastifyInstance) => Object.values(beaconFastPathCounts(app.server) ?? {}).reduce((sum, count) => sum + count, 0);
const shape = (answers: RawAnswer[]) => answers.map(({ status, head, body }) => ({ status, head, body }));

describe.each(testDatabaseKinds())('web tag beacon fast path over real sockets on %s', (kind) => {
  const fixture = useRouteFixture(kind);
  let fast: FastifyInstance;
  /** The same app with the fast path off: every beacon through Node's HTTP server, as before. */
  let nodeOnly: FastifyInstance;
  let tagKey: string;
  const beacon = (visitor: string, page = 'pricing', headers: Record<string, string | null> = {}) =>
    beaconRequest(JSON.stringify({ k: tagKey, v: visitor, u: `https://www.fast.test/${page}?a=1`, r: 'https://search.example/' }), headers);
  const storedVisitors = async (prefix: string) =>
    (await fixture.database.query<{ visitor_id: string }>(`SELECT visitor_id FROM web_visits WHERE org_id = $1 AND visitor_id LIKE $2 ORDER BY visitor_id`, [fixture.org.orgId, `${prefix}%`])).map(
      (row) => row.visitor_id,
    );
  /** Waits for the collectors' next flush (every 50 ms) to have written `count` visits of `prefix`. */
  const waitForStored = async (prefix: string, count: number) => {
    const deadline = Date.now() + 5_000;
    let visitors = await storedVisitors(prefix);
    while (visitors.length < count && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      visitors = await storedVisitors(prefix);
    }
    return visitors;
  };

  beforeAll(async () => {
    fast = fixture.app;
    const headers = await fixture.headersOf(fixture.org, 'marketing_user');
    tagKey = (await fast.inject({ method: 'GET', url: '/api/web-tag', headers })).json().tagKey;
    nodeOnly = await buildApp(createTestDeps(fixture.database, { config: { isWebTagFastPath: false } }), { isServingWeb: false });
    await fast.listen({ host: '127.0.0.1', port: 0 });
    await nodeOnly.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await nodeOnly.close();
  });

  it('answers every kind of beacon byte for byte as Node’s HTTP path does, and stores the same visits', async () => {
    const requests = (server: string) => [
      beacon(`visitor-${server}-stored`),
      beacon(`visitor-${server}-dnt`, 'dnt', { DNT: '1' }),
      beacon(`visitor-${server}-gpc`, 'gpc', { 'Sec-GPC': '1' }),
      beacon(`visitor-${server}-bot`, 'bot', { 'User-Agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' }),
      beaconRequest('{"k":'),
      beaconRequest(JSON.stringify({ k: tagKey, v: `visitor-${server}-ftp`, u: 'ftp://www.fast.test/' })),
      beaconRequest(JSON.stringify({ k: 'unknown-key-fastpath-0001', v: `visitor-${server}-unknown`, u: 'https://www.fast.test/' })),
      beacon(`visitor-${server}-png`, 'png', { 'Content-Type': 'image/png' }),
      beacon(`visitor-${server}-untyped`, 'untyped', { 'Content-Type': null }),
      beaconRequest(''),
      // Over 8 KB: not the fast path's shape, so Node's path answers it (and keeps the connection).
      beaconRequest('x'.repeat(9000)),
    ];
    const run = async (app: FastifyInstance, server: string) => {
      const connection = await RawHttpConnection.open(portOf(app));
      const answers: RawAnswer[] = [];
      for (const request of requests(server)) {
        await connection.send(request);
        answers.push(...(await connection.answers(1)));
      }
      connection.close();
      return answers;
    };
    const before = fastAnswers(fast);
    const fastRun = await run(fast, 'fast');
    expect(fastAnswers(fast) - before).toBe(10);
    const nodeRun = await run(nodeOnly, 'node');
    expect(beaconFastPathCounts(nodeOnly.server)).toBeUndefined();
    expect(fastRun.map((answer) => answer.status)).toEqual([204, 204, 204, 204, 400, 400, 404, 415, 415, 400, 413]);
    expect(shape(fastRun)).toEqual(shape(nodeRun));
    expect(fastRun[0]?.head).toBe(
      'HTTP/1.1 204 No Content\r\naccess-control-allow-origin: *\r\ncross-origin-resource-policy: cross-origin\r\ncache-control: no-store\r\nDate: <date>\r\nConnection: keep-alive\r\nKeep-Alive: timeout=72',
    );
    expect(JSON.parse(fastRun[5]?.body ?? '')).toEqual({ code: 'validation_failed', message: 'u (page URL) is not an http(s) URL.' });
    expect(await waitForStored('visitor-fast-', 1)).toEqual(['visitor-fast-stored']);
    expect(await waitForStored('visitor-node-', 1)).toEqual(['visitor-node-stored']);
  });

  it('answers pipelined beacons in order, one waiting for the tag key lookup in the middle', async () => {
    const connection = await RawHttpConnection.open(portOf(fast));
    const requests = Array.from({ length: 30 }, (_, n) =>
      n === 10
        ? beaconRequest(JSON.stringify({ k: 'unknown-key-pipelined-01', v: 'pipelined-unknown', u: 'https://www.fast.test/' }))
        : beacon(`pipelined-${String(n).padStart(2, '0')}`, `p${n}`),
    );
    const before = fastAnswers(fast);
    await connection.send(requests.join(''));
    const answers = await connection.answers(30);
    expect(answers.map((answer) => answer.status)).toEqual([...Array(10).fill(204), 404, ...Array(19).fill(204)]);
    expect(fastAnswers(fast) - before).toBe(30);
    expect(await waitForStored('pipelined-', 29)).toHaveLength(29);
    connection.close();
  });

  it('reads a request split byte by byte, and one split anywhere across reads', async () => {
    const connection = await RawHttpConnection.open(portOf(fast));
    const before = fastAnswers(fast);
    await connection.sendByteByByte(beacon('split-bytes-01', 'split'));
    expect((await connection.answers(1)).map((answer) => answer.status)).toEqual([204]);
    const two = beacon('split-cut-0001', 'cut') + beacon('split-cut-0002', 'cut');
    for (const cut of [1, 20, 150, two.length / 2, two.length - 1]) {
      await connection.send(two.slice(0, cut));
      await new Promise((resolve) => setTimeout(resolve, 5));
      await connection.send(two.slice(cut));
      expect((await connection.answers(2)).map((answer) => answer.status)).toEqual([204, 204]);
    }
    expect(fastAnswers(fast) - before).toBe(11);
    expect(await waitForStored('split-', 11)).toEqual(['split-bytes-01', ...Array(5).fill('split-cut-0001'), ...Array(5).fill('split-cut-0002')]);
    connection.close();
  });

  it('hands the connection to Node at the first request of another shape, after the beacons before it, for good', async () => {
    const connection = await RawHttpConnection.open(portOf(fast));
    const before = fastAnswers(fast);
    await connection.send(`${beacon('handoff-0001')}${beacon('handoff-0002')}GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    const [first, second, health] = await connection.answers(3);
    expect([first?.status, second?.status, health?.status, JSON.parse(health?.body ?? '{}').status]).toEqual([204, 204, 200, 'ok']);
    // A beacon on the handed-off connection: Node's path answers it alike.
    await connection.send(beacon('handoff-0003'));
    expect((await connection.answers(1))[0]?.head).toBe(first?.head);
    expect(fastAnswers(fast) - before).toBe(2);
    connection.close();
    // A page request whose first bytes arrive after a beacon, in the same read: handed off with those bytes.
    const split = await RawHttpConnection.open(portOf(fast));
    await split.send(`${beacon('handoff-0004')}GE`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await split.send('T /t/tag.js HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    const [stored, script] = await split.answers(2);
    expect([stored?.status, script?.status, script?.headers['content-type']]).toEqual([204, 200, 'application/javascript; charset=utf-8']);
    expect(await waitForStored('handoff-', 4)).toEqual(['handoff-0001', 'handoff-0002', 'handoff-0003', 'handoff-0004']);
    split.close();
  });

  it('hands every ambiguous or unusual request to Node, which answers it as without the fast path (no smuggling)', async () => {
    const smuggled = (server: string) => beacon(`smuggled-${server}`, 'smuggled');
    const attacks: Array<(server: string) => string> = [
      // Content-Length and Transfer-Encoding: a front end reading one and us the other would split requests apart.
      (server) => `POST /t/collect HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nUser-Agent: ${BROWSER}\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n${smuggled(server)}`,
      (server) => `POST /t/collect HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nUser-Agent: ${BROWSER}\r\nContent-Length: 0\r\nContent-Length: 400\r\n\r\n${smuggled(server)}`,
      (server) => `POST /t/collect HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nUser-Agent: ${BROWSER}\r\nContent-Length : 0\r\n\r\n${smuggled(server)}`,
      (server) => `POST /t/collect HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nUser-Agent: ${BROWSER}\r\nContent-Length: +0\r\n\r\n${smuggled(server)}`,
      (server) => `POST /t/collect HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nUser-Agent: Mozilla/5.0\r\n (X11; Linux x86_64) Chrome/120.0\r\nContent-Length: 0\r\n\r\n${smuggled(server)}`,
      (server) => `POST /t/collect HTTP/1.1\nHost: x\nContent-Type: text/plain\nUser-Agent: ${BROWSER}\nContent-Length: 0\n\n${smuggled(server)}`,
      (server) => `POST /t/collect HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nUser-Agent: ${BROWSER}\r\nContent-Length: 0\rX: y\r\n\r\n${smuggled(server)}`,
      // Chunked alone is unambiguous: Node reads the empty body and then the next beacon, a plain pipeline.
      (server) => `POST /t/collect HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nUser-Agent: ${BROWSER}\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n${beacon(`unusual-${server}-after-chunked`)}`,
      (server) => beacon(`unusual-${server}-pad`, 'pad', { 'X-Pad': 'p'.repeat(9000) }),
      (server) => beacon(`unusual-${server}-10`, '10').replace('HTTP/1.1', 'HTTP/1.0'),
      (server) => beacon(`unusual-${server}-close`, 'close', { Connection: 'close' }),
      (server) => beacon(`unusual-${server}-expect`, 'expect', { Expect: '100-continue' }),
      (server) => beacon(`unusual-${server}-hosts`, 'hosts', { Host: 'a', host: 'b' }),
      (server) => beacon(`unusual-${server}-nohost`, 'nohost', { Host: null }),
      (server) => beacon(`unusual-${server}-dnt2`, 'dnt2').replace('\r\n\r\n', '\r\nDNT: 0\r\nDNT: 1\r\n\r\n'),
      (server) => beacon(`unusual-${server}-absolute`, 'absolute').replace('POST /t/collect', 'POST http://127.0.0.1/t/collect'),
    ];
    // A request closing the connection after the attack, so each transcript ends when the server is done with it.
    const last = 'GET /t/tag.js HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n';
    const transcript = async (app: FastifyInstance, request: string) => {
      const connection = await RawHttpConnection.open(portOf(app));
      await connection.send(request + last);
      return (await connection.closed()).replace(/\r\nDate: [^\r]*/g, '\r\nDate: <date>');
    };
    const before = fastAnswers(fast);
    for (const attack of attacks) {
      const viaFast = await transcript(fast, attack('fast'));
      const viaNode = await transcript(nodeOnly, attack('node'));
      expect(viaFast.replaceAll('fast', 'SERVER')).toBe(viaNode.replaceAll('node', 'SERVER'));
    }
    expect(fastAnswers(fast) - before).toBe(0);
    // Node refuses the ambiguous ones outright: nothing hidden in them was stored by either server.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await storedVisitors('smuggled-')).toEqual([]);
    const unusual = (await storedVisitors('unusual-fast-')).map((visitor) => visitor.replace('-fast-', '-'));
    expect(unusual.length).toBeGreaterThanOrEqual(4);
    expect(unusual).toEqual((await storedVisitors('unusual-node-')).map((visitor) => visitor.replace('-node-', '-')));
  });
});
