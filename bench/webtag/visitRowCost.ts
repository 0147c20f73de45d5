/**
 * What one stored visit costs PostgreSQL: CPU of the database backend per row (read from /proc for every backend of
 * the bench database, so PostgreSQL must run on this machine), writing 1,000-visit batches of realistic visits (50,000 distinct random visitor ids, a third
 * resolved to a company) the way the collector does (`insertVisitBatch`), into the web_visits table as migrated now,
 * into its layout before migration 0713, and into the bare peer's four-column table. Backend CPU time barely depends
 * on how busy the machine is, unlike wall time. Rounds alternate the layouts.
 *
 *   BENCH_PG=postgres://postgres@127.0.0.1:5432 npx tsx bench/webtag/visitRowCost.ts
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { insertVisitBatch, type VisitRow } from '../../src/adapters/db/repositories/webVisits';
import { createTestOrg } from '../../src/test/createTestOrg';
import { openBenchDatabase } from './webTagBenchKit';

const batches = Number(process.env.BATCHES ?? 200);
const rounds = Number(process.env.ROUNDS ?? 2);
if (!process.env.BENCH_PG) throw new Error('Set BENCH_PG to a local PostgreSQL server (the backend CPU is read from /proc).');

const database = await openBenchDatabase('openabm_bench_visit_rows');
const db = database.db;
const org = await createTestOrg(database, 'Visit row cost');

/** CPU time of every backend serving this database (the pool may use more than one connection). */
async function backendCpuMs(): Promise<number> {
  const backends = await database.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`);
  let total = 0;
  for (const { pid } of backends) {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    total += (Number(fields[11]) + Number(fields[12])) * 10;
  }
  return total;
}

let sequence = 0;
function visits(count: number): VisitRow[] {
  return Array.from({ length: count }, () => {
    sequence += 1;
    const isResolved = sequence % 3 === 0;
    return {
      orgId: org.orgId,
      visitorId: `v${((sequence * 2_654_435_761) % 50_000).toString(36).padStart(8, '0')}`,
      url: `https://www.example.com/pricing/${sequence % 40}?utm=bench`,
      page: `www.example.com/pricing/${sequence % 40}`,
      referrer: 'https://www.google.com/',
      visitedAt: new Date(),
      receivedAt: new Date(),
      ip: `10.0.${(sequence >> 8) & 255}.${sequence & 255}`,
      companyId: isResolved ? `cmp-${sequence % 500}` : null,
      companyName: isResolved ? `Company ${sequence % 500}` : null,
    };
  });
}

const BEFORE_0713 = `CREATE TABLE bench_visits_before_0713 (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, org_id uuid NOT NULL,
  visitor_id text NOT NULL, url text NOT NULL, page text NOT NULL, referrer text, visited_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL, ip text, company_id text, company_name text);
  CREATE INDEX ON bench_visits_before_0713 (org_id, visited_at);
  CREATE INDEX ON bench_visits_before_0713 (org_id, company_id, visited_at DESC) WHERE company_id IS NOT NULL;
  CREATE INDEX ON bench_visits_before_0713 (org_id, visitor_id)`;
const PEER = `CREATE TABLE bench_visits_peer (visitor_id text NOT NULL, url text NOT NULL, referrer text, visited_at timestamptz NOT NULL)`;

/** The collector's own statement, aimed at another table of the same columns. */
async function insertInto(table: string, rows: readonly VisitRow[]): Promise<void> {
  if (table === 'web_visits') return insertVisitBatch(db, rows);
  const payload = JSON.stringify(rows.map((r) => ({ o: r.orgId, v: r.visitorId, u: r.url, p: r.page, r: r.referrer, t: r.visitedAt.getTime(), x: r.receivedAt.getTime(), i: r.ip, c: r.companyId, n: r.companyName })));
  if (table === 'bench_visits_peer') {
    await db.execute(sql`INSERT INTO bench_visits_peer (visitor_id, url, referrer, visited_at) SELECT v, u, r, to_timestamp(t / 1000.0) FROM json_to_recordset(${payload}::json) AS b(v text, u text, r text, t float8)`);
    return;
  }
  await db.execute(
    sql`INSERT INTO ${sql.identifier(table)} (org_id, visitor_id, url, page, referrer, visited_at, received_at, ip, company_id, company_name)
        SELECT o, v, u, p, r, to_timestamp(t / 1000.0), to_timestamp(x / 1000.0), i, c, n
        FROM json_to_recordset(${payload}::json) AS b(o uuid, v text, u text, p text, r text, t float8, x float8, i text, c text, n text)`,
  );
}

await database.query(BEFORE_0713.split(';')[0] ?? '');
for (const statement of BEFORE_0713.split(';').slice(1)) await database.query(statement);
await database.query(PEER);
const layouts = { 'web_visits as migrated now': 'web_visits', 'web_visits before 0713': 'bench_visits_before_0713', 'bare peer table (4 columns, no index)': 'bench_visits_peer' };
// Warm every table and index up to a realistic size before measuring.
for (const table of Object.values(layouts)) for (let batch = 0; batch < 50; batch += 1) await insertInto(table, visits(1_000));
for (let round = 1; round <= rounds; round += 1) {
  for (const [label, table] of Object.entries(layouts)) {
    const cpuBefore = await backendCpuMs();
    const started = performance.now();
    for (let batch = 0; batch < batches; batch += 1) await insertInto(table, visits(1_000));
    const rows = batches * 1_000;
    process.stdout.write(
      `round ${round}  ${label.padEnd(40)} database CPU ${((((await backendCpuMs()) - cpuBefore) * 1_000) / rows).toFixed(1)} µs/row   wall ${(((performance.now() - started) * 1_000) / rows).toFixed(1)} µs/row\n`,
    );
  }
}
await database.close();
