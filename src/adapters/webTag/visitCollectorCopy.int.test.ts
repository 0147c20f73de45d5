import type pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../db/database';
import { getOrCreateTagKey } from '../db/repositories/webVisits';
import { createTestOrg } from '../../test/createTestOrg';
import { openTestDatabase, testDatabaseKinds } from '../../test/databases';
import type { VisitBeacon } from '../../domain/webTag/parseVisit';
import { VisitCollector } from './visitCollector';

const logger = pino({ level: 'silent' });

/** The part of node-postgres' connection a COPY's data goes through (see copyFromText.ts), and its socket. */
interface CopyConnection {
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  stream: { destroy(): void };
}
interface CopySubmittable {
  handleCopyInResponse?: (connection: CopyConnection) => void;
}

describe.each(testDatabaseKinds())('web visit collector, what it stores and keeps (%s)', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database.close());

  /**
   * The db whose next `failures` statements fail: on PostgreSQL the connection breaks while the COPY's data is being
   * sent (after its first buffer, before CopyDone: the server got part of the rows); on PGlite the INSERT is refused.
   */
  function failingDb(failures: { left: number }): Db {
    const client = (database.db as unknown as { $client: unknown }).$client;
    if (kind === 'pglite') {
      return new Proxy(database.db, {
        get(target, property, receiver) {
          if (property === 'execute' && failures.left > 0) {
            return () => {
              failures.left -= 1;
              return Promise.reject(new Error('PGlite refused the statement (test)'));
            };
          }
          return Reflect.get(target, property, receiver) as unknown;
        },
      });
    }
    const pool = client as pg.Pool;
    const breakingPool = new Proxy(pool, {
      get(target, property) {
        if (property !== 'connect') return Reflect.get(target, property, target) as unknown;
        return async () => {
          const connected = await target.connect();
          if (failures.left > 0) {
            failures.left -= 1;
            const query = connected.query.bind(connected) as (submittable: CopySubmittable) => void;
            (connected as unknown as { query: (submittable: CopySubmittable) => void }).query = (submittable) => {
              const original = submittable.handleCopyInResponse?.bind(submittable);
              submittable.handleCopyInResponse = (connection) => {
                let sent = 0;
                original?.({
                  sendCopyFromChunk: (chunk) => {
                    if (sent++ === 0) connection.sendCopyFromChunk(chunk);
                    else connection.stream.destroy();
                  },
                  endCopyFrom: () => connection.stream.destroy(),
                  stream: connection.stream,
                });
              };
              query(submittable);
            };
          }
          return connected;
        };
      },
    });
    return new Proxy(database.db, {
      get(target, property, receiver) {
        if (property === '$client') return breakingPool;
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
  }

  async function taggedOrg() {
    const org = await createTestOrg(database);
    return { orgId: org.orgId, tagKey: await getOrCreateTagKey(database.db, org.orgId) };
  }

  function beacon(tagKey: string, index: number, url = `https://a.test/p/${index}`, referrer: string | null = null): VisitBeacon {
    return { tagKey, visitorId: `visitor-${String(index).padStart(5, '0')}`, url, page: `a.test/p/${index}`, referrer, visitedAt: new Date(Date.UTC(2026, 11, 6, 19, 0, 0, index)) };
  }

  async function storedVisitors(orgId: string): Promise<{ n: number; distinct: number }> {
    const [row] = await database.query<{ n: number; distinct: number }>(`SELECT count(*)::int AS n, count(DISTINCT visitor_id)::int AS distinct FROM web_visits WHERE org_id = $1`, [orgId]);
    return row ?? { n: -1, distinct: -1 };
  }

  it('stores exactly the visits accepted, escaped characters and Unicode included, across many chunks', async () => {
    const { orgId, tagKey } = await taggedOrg();
    const collector = new VisitCollector({ db: database.db, logger, flushIntervalMs: 60_000, copyChunkBytes: 512 });
    const specials = ['tab\there', 'line\nbreak', 'cr\rhere', 'back\\slash', '\\N', 'é', '漢字', '\u{1F600}', 'plain'];
    const expected: Array<{ visitor_id: string; url: string; page: string; referrer: string | null; visited_at: string }> = [];
    for (let index = 0; index < 60; index += 1) {
      const special = specials[index % specials.length] ?? '';
      const visit = beacon(tagKey, index, `https://a.test/p/${index}?q=${special}`, index % 4 === 0 ? null : `https://r.test/${special}`);
      expect(await collector.accept(visit, '10.0.0.1')).toBe('accepted');
      expected.push({ visitor_id: visit.visitorId, url: visit.url, page: visit.page, referrer: visit.referrer, visited_at: visit.visitedAt.toISOString() });
    }
    expect(collector.queuedCount).toBe(60);
    await collector.close();
    expect(collector.counts).toMatchObject({ accepted: 60, stored: 60, failedBatches: 0 });
    const rows = await database.query<{ visitor_id: string; url: string; page: string; referrer: string | null; visited_at: string; company_id: string | null }>(
      `SELECT visitor_id, url, page, referrer, to_char(visited_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS visited_at, company_id FROM web_visits WHERE org_id = $1 ORDER BY visitor_id`,
      [orgId],
    );
    expect(rows).toEqual(expected.map((row) => ({ ...row, company_id: null })));
  });

  it('keeps a failed statement’s visits and writes them once on the retry, with those accepted meanwhile', async () => {
    const { orgId, tagKey } = await taggedOrg();
    const failures = { left: 0 };
    // Small chunks: a statement sends several buffers, and the connection breaks after the first.
    const collector = new VisitCollector({ db: failingDb(failures), logger, flushIntervalMs: 60_000, copyChunkBytes: 1_024 });
    // The first beacon reads the tag key and the ranges; the statements after it fail.
    expect(await collector.accept(beacon(tagKey, 0), '10.0.0.1')).toBe('accepted');
    failures.left = 2;
    for (let index = 1; index < 300; index += 1) collector.accept(beacon(tagKey, index), '10.0.0.1');
    await collector.flush();
    expect(collector.counts).toMatchObject({ accepted: 300, stored: 0, failedBatches: 1 });
    expect(collector.queuedCount).toBe(300);
    for (let index = 300; index < 400; index += 1) collector.accept(beacon(tagKey, index), '10.0.0.1');
    await collector.flush();
    expect(collector.counts).toMatchObject({ accepted: 400, stored: 0, failedBatches: 2 });
    expect(await storedVisitors(orgId)).toEqual({ n: 0, distinct: 0 });
    await collector.flush();
    expect(failures.left).toBe(0);
    expect(collector.counts).toMatchObject({ accepted: 400, stored: 400, failedBatches: 2 });
    expect(collector.queuedCount).toBe(0);
    expect(await storedVisitors(orgId)).toEqual({ n: 400, distinct: 400 });
    await collector.close();
  });

  it('writes everything on close, retrying a failed statement', async () => {
    const { orgId, tagKey } = await taggedOrg();
    const failures = { left: 0 };
    const collector = new VisitCollector({ db: failingDb(failures), logger, flushIntervalMs: 60_000, batchSize: 2_000 });
    expect(await collector.accept(beacon(tagKey, 0), '10.0.0.1')).toBe('accepted');
    failures.left = 1;
    // Past batchSize, accept starts a flush itself; it fails and leaves everything queued.
    for (let index = 1; index < 5_000; index += 1) expect(collector.accept(beacon(tagKey, index), '10.0.0.1')).toBe('accepted');
    await collector.close();
    expect(failures.left).toBe(0);
    expect(collector.counts).toMatchObject({ accepted: 5_000, stored: 5_000, failedBatches: 1 });
    expect(collector.queuedCount).toBe(0);
    expect(await storedVisitors(orgId)).toEqual({ n: 5_000, distinct: 5_000 });
  });

  it('counts maxQueued in visits, a statement in flight included, and takes visits again once they are stored', async () => {
    const { orgId, tagKey } = await taggedOrg();
    const collector = new VisitCollector({ db: database.db, logger, flushIntervalMs: 60_000, maxQueued: 3 });
    expect(await collector.accept(beacon(tagKey, 0), '10.0.0.1')).toBe('accepted');
    expect([1, 2, 3].map((index) => collector.accept(beacon(tagKey, index), '10.0.0.1'))).toEqual(['accepted', 'accepted', 'queue_full']);
    const flushing = collector.flush();
    expect(collector.accept(beacon(tagKey, 4), '10.0.0.1')).toBe('queue_full');
    await flushing;
    expect(collector.accept(beacon(tagKey, 5), '10.0.0.1')).toBe('accepted');
    await collector.close();
    expect(collector.counts).toMatchObject({ accepted: 4, stored: 4, refusedFull: 2 });
    expect(await database.query(`SELECT visitor_id FROM web_visits WHERE org_id = $1 ORDER BY visitor_id`, [orgId])).toEqual(
      [0, 1, 2, 5].map((index) => ({ visitor_id: `visitor-0000${index}` })),
    );
  });
});
