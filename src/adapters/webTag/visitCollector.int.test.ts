import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../db/database';
import { getOrCreateTagKey, insertVisitBatch, type VisitRow } from '../db/repositories/webVisits';
import { queryRows } from '../db/segments/rows';
import { createTestOrg } from '../../test/createTestOrg';
import { openTestDatabase, testDatabaseKinds } from '../../test/databases';
import { VisitCollector } from './visitCollector';

const logger = pino({ level: 'silent' });

describe.each(testDatabaseKinds())('web visit collector (%s)', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database.close());

  /**
   * The db, with each batch's start recorded and whether the event loop ran since the previous one. A batch reads the
   * driver's client first (COPY on PostgreSQL's pool, a statement on PGlite), so that read marks its start.
   */
  function watchedDb(statements: Array<{ loopRanBefore: boolean }>): Db {
    let loopRan = true;
    const tick = () => {
      loopRan = true;
    };
    return new Proxy(database.db, {
      get(target, property, receiver) {
        if (property === '$client') {
          statements.push({ loopRanBefore: loopRan });
          loopRan = false;
          setImmediate(tick);
        }
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
  }

  it('writes a flush in statements of batchSize visits, and lets the event loop run between them when asked to', async () => {
    const org = await createTestOrg(database);
    const tagKey = await getOrCreateTagKey(database.db, org.orgId);
    for (const yieldBetweenBatches of [true, false]) {
      const statements: Array<{ loopRanBefore: boolean }> = [];
      const collector = new VisitCollector({ db: watchedDb(statements), logger, batchSize: 200, flushIntervalMs: 60_000, yieldBetweenBatches });
      const beacon = { tagKey, visitorId: `visitor-${String(yieldBetweenBatches)}`, url: 'https://a.test/p', page: 'a.test/p', referrer: null, visitedAt: new Date() };
      // The first beacon reads the key and ranges; the rest are accepted synchronously (nothing flushes before 200).
      expect(await collector.accept(beacon, '10.0.0.1')).toBe('accepted');
      statements.length = 0;
      for (let index = 1; index < 450; index += 1) collector.accept(beacon, '10.0.0.1');
      await collector.close();
      expect(collector.counts).toMatchObject({ accepted: 450, stored: 450, failedBatches: 0 });
      expect(statements).toHaveLength(3);
      // With yielding, a statement starts only after the event loop had a turn. Without, PGlite runs them back to back
      // in this thread (what held beacons up); PostgreSQL's network round trips give the loop turns anyway.
      const loopRanBetween = statements.slice(1).every((statement) => statement.loopRanBefore);
      if (yieldBetweenBatches) expect(loopRanBetween).toBe(true);
      else if (kind === 'pglite') expect(loopRanBetween).toBe(false);
      const [stored] = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM web_visits WHERE org_id = $1 AND visitor_id = $2`, [org.orgId, beacon.visitorId]);
      expect(stored?.n).toBe(450);
    }
  });

  it('writes a batch all or nothing, and a failed batch leaves the database usable for the next', async () => {
    const org = await createTestOrg(database);
    const row = (visitorId: string, orgId = org.orgId): VisitRow => ({ orgId, visitorId, url: 'https://a.test/', page: 'a.test/', referrer: null, visitedAt: new Date(), companyId: null });
    // More failures than the pool has connections: each failed COPY must give its connection back.
    for (let attempt = 0; attempt < 12; attempt += 1) {
      await expect(insertVisitBatch(database.db, [row('visitor-ok-1'), row('visitor-bad', 'not-a-uuid')])).rejects.toThrow(/uuid/);
    }
    await insertVisitBatch(database.db, [row('visitor-ok-2'), row('visitor-ok-3')]);
    expect(await database.query(`SELECT visitor_id FROM web_visits WHERE org_id = $1 ORDER BY visitor_id`, [org.orgId])).toEqual([{ visitor_id: 'visitor-ok-2' }, { visitor_id: 'visitor-ok-3' }]);
  });

  it('finds one visitor’s visits through the visitor index (what a privacy opt-out deletes)', async () => {
    const org = await createTestOrg(database);
    const plan = await database.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      return queryRows<{ 'QUERY PLAN': string }>(tx, sql`EXPLAIN DELETE FROM web_visits WHERE org_id = ${org.orgId} AND visitor_id = ${'visitor-x'}`);
    });
    expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain('web_visits_visitor_idx');
  });
});
