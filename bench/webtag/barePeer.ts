// The peer the issue compares the web tag's collection endpoint with: a bare Fastify endpoint that parses the beacon,
// queues it in memory and writes the queue with batched INSERTs every 50 ms (or sooner when 2,000 are queued) — no tag
// key check, no bot filter, no IP-range lookup, no CORS headers, no bound on the queue. What a throughput this machine
// allows for "HTTP + JSON + batched inserts" alone, measured in the same run as ours.
import Fastify, { type FastifyInstance } from 'fastify';
import type { Database } from '../../src/adapters/db/database';

const BATCH = 2_000;

export async function startBarePeer(database: Database): Promise<{ app: FastifyInstance; url: string; storedCount: () => Promise<number> }> {
  await database.query(`CREATE TABLE IF NOT EXISTS bench_bare_visits (visitor_id text NOT NULL, url text NOT NULL, referrer text, visited_at timestamptz NOT NULL)`);
  await database.query(`TRUNCATE bench_bare_visits`);
  const queue: Array<{ v: string; u: string; r: string | null; t: string }> = [];
  let flushing: Promise<void> | undefined;
  const flush = (): Promise<void> => {
    if (flushing || queue.length === 0) return flushing ?? Promise.resolve();
    flushing = (async () => {
      try {
        while (queue.length > 0) {
          const batch = queue.splice(0, BATCH);
          await database.query(
            `INSERT INTO bench_bare_visits (visitor_id, url, referrer, visited_at)
             SELECT v, u, r, t FROM jsonb_to_recordset($1::jsonb) AS b(v text, u text, r text, t timestamptz)`,
            [JSON.stringify(batch)],
          );
        }
      } finally {
        flushing = undefined;
      }
    })();
    return flushing;
  };
  const timer = setInterval(() => void flush(), 50);

  const app = Fastify();
  app.addContentTypeParser('text/plain', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  app.post('/collect', async (request, reply) => {
    const beacon = request.body as { v?: unknown; u?: unknown; r?: unknown; t?: unknown };
    if (typeof beacon?.v !== 'string' || typeof beacon.u !== 'string') return reply.code(400).send();
    queue.push({ v: beacon.v, u: beacon.u, r: typeof beacon.r === 'string' ? beacon.r : null, t: new Date(typeof beacon.t === 'number' ? beacon.t : Date.now()).toISOString() });
    if (queue.length >= BATCH) void flush();
    return reply.code(204).send();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    while (queue.length > 0 || flushing) await flush();
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    url: `http://127.0.0.1:${port}/collect`,
    storedCount: async () => (await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM bench_bare_visits`))[0]?.n ?? 0,
  };
}
