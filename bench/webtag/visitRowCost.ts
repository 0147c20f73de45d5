/**
 * What one stored visit costs PostgreSQL: CPU of the database backend per row (read from /proc for every backend of
 * the bench database, so PostgreSQL must run on this machine), writing 1,000-visit batches of realistic visits (50,000
 * distinct random visitor ids, a third resolved to a company). Layouts, alternating within each round:
 * - web_visits as migrated now, written the way the collector does (`insertVisitBatch`: COPY on PostgreSQL);
 * - the same table written with the JSON statement PGlite runs (what COPY saves);
 * - the layout and statement before migration 0714 (ten columns, json_to_recordset);
 * - the bare peer's four-column table without indexes.
 * Backend CPU time barely depends on how busy the machine is, unlike wall time.
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
    return {
      orgId: org.orgId,
      visitorId: `v${((sequence * 2_654_435_761) % 50_000).toString(36).padStart(8, '0')}`,
      url: `https://www.example.com/pricing/${sequence % 40}?utm=bench`,
      page: `www.example.com/pricing/${sequence % 40}`,
      referrer: 'https://www.google.com/',
      visitedAt: new Date(),
      companyId: sequence % 3 === 0 ? `cmp-${sequence % 500}` : null,
    };
  });
}

/** web_visits after 0713 and before 0714, with its three indexes. */
const BEFORE_0714 = `CREATE TABLE bench_visits_before_0714 (org_id uuid NOT NULL, visitor_id text NOT NULL, url text NOT NULL,
  page text NOT NULL, referrer text, visited_at timestamptz NOT NULL, received_at timestamptz NOT NULL, ip text, company_id text, company_name text);
  CREATE INDEX ON bench_visits_before_0714 (org_id, visited_at);
  CREATE INDEX ON bench_visits_before_0714 (org_id, company_id, visited_at DESC) WHERE company_id IS NOT NULL;
  CREATE INDEX ON bench_visits_before_0714 USING hash (visitor_id)`;
const NOW_BY_JSON = `CREATE TABLE bench_visits_by_json (LIKE web_visits INCLUDING ALL)`;
const PEER = `CREATE TABLE bench_visits_peer (visitor_id text NOT NULL, url text NOT NULL, referrer text, visited_at timestamptz NOT NULL)`;

async function insertInto(table: string, rows: readonly VisitRow[]): Promise<void> {
  if (table === 'web_visits') return insertVisitBatch(db, rows);
  if (table === 'bench_visits_by_json') {
    const payload = JSON.stringify(rows.map((r) => ({ o: r.orgId, v: r.visitorId, u: r.url, p: r.page, r: r.referrer, t: r.visitedAt.getTime(), c: r.companyId })));
    await db.execute(sql`INSERT INTO bench_visits_by_json (org_id, visitor_id, url, page, referrer, visited_at, company_id)
      SELECT o, v, u, p, r, to_timestamp(t / 1000.0), c FROM json_to_recordset(${payload}::json) AS b(o uuid, v text, u text, p text, r text, t float8, c text)`);
    return;
  }
  // The statement before 0714 wrote the received time, the address and the company's name too.
  const payload = JSON.stringify(rows.map((r, index) => ({ o: r.orgId, v: r.visitorId, u: r.url, p: r.page, r: r.referrer, t: r.visitedAt.getTime(), x: Date.now(), i: `10.0.${(index >> 8) & 255}.${index & 255}`, c: r.companyId, n: r.companyId === null ? null : `Company ${r.companyId}` })));
  if (table === 'bench_visits_peer') {
    await db.execute(sql`INSERT INTO bench_visits_peer (visitor_id, url, referrer, visited_at) SELECT v, u, r, to_timestamp(t / 1000.0) FROM json_to_recordset(${payload}::json) AS b(v text, u text, r text, t float8)`);
    return;
  }
  await db.execute(
    sql`INSERT INTO bench_visits_before_0714 (org_id, visitor_id, url, page, referrer, visited_at, received_at, ip, company_id, company_name)
        SELECT o, v, u, p, r, to_timestamp(t / 1000.0), to_timestamp(x / 1000.0), i, c, n
        FROM json_to_recordset(${payload}::json) AS b(o uuid, v text, u text, p text, r text, t float8, x float8, i text, c text, n text)`,
  );
}

for (const statement of BEFORE_0714.split(';')) await database.query(statement);
await database.query(NOW_BY_JSON);
await database.query(PEER);
const layouts = {
  'web_visits now, COPY (the collector)': 'web_visits',
  'web_visits now, JSON statement (PGlite)': 'bench_visits_by_json',
  'web_visits before 0714, JSON statement': 'bench_visits_before_0714',
  'bare peer table (4 columns, no index)': 'bench_visits_peer',
};
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
