/**
 * Load on the web tag's collection endpoint (POST /t/collect) with autocannon on the loopback address, the whole
 * path in place (beacon validation, tag-key check, bot filter, IP-range lookup, bounded queue, batched inserts).
 * autocannon runs as its own process; the server is the real buildApp. After the run the app is closed (the
 * collector flushes) and the stored rows are counted against the 204 answers. Prints figures; never passes or fails.
 *
 *   npx tsx bench/webtag/collect.ts                        # PGlite (in memory)
 *   BENCH_PG=postgres://postgres@127.0.0.1:5432 npx tsx bench/webtag/collect.ts   # creates openabm_bench_webtag
 *   DURATION=20 CONNECTIONS=100 npx tsx bench/webtag/collect.ts
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import { buildApp } from '../../src/apps/server/buildApp';
import { createTestDeps } from '../../src/test/testApp';
import { autocannonBin, beaconRequestArgs, openBenchDatabase, seedTaggedOrg } from './webTagBenchKit';

const durationSeconds = Number(process.env.DURATION ?? 15);
const connections = Number(process.env.CONNECTIONS ?? 100);

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p99: number; max: number };
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodeStats?: Record<string, { count: number }>;
}

function runAutocannon(url: string, body: string): Promise<AutocannonResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      autocannonBin,
      ['--json', '-c', String(connections), '-d', String(durationSeconds), ...beaconRequestArgs(body, url)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(output) as AutocannonResult) : reject(new Error(`autocannon exited ${code}`))));
  });
}

async function main(): Promise<void> {
  const database = await openBenchDatabase('openabm_bench_webtag');
  const deps = createTestDeps(database);
  const org = await seedTaggedOrg(database, 'Bench org', 'visitor-bench-0001');
  const app = await buildApp(deps, { isServingWeb: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  // The server's own count of 204 answers: autocannon stops counting at the deadline while requests are in flight.
  let answered204 = 0;
  app.server.on('request', (_request, response) => response.on('finish', () => (answered204 += response.statusCode === 204 ? 1 : 0)));
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const { body } = org;
  const loadBefore = os.loadavg();
  const cpuBefore = process.cpuUsage();
  const result = await runAutocannon(`http://127.0.0.1:${port}/t/collect`, body);
  const loadAfter = os.loadavg();
  const cpu = process.cpuUsage(cpuBefore);
  const closeStarted = performance.now();
  await app.close();
  const flushSeconds = (performance.now() - closeStarted) / 1000;
  const [stored] = await database.query<{ n: number; resolved: number }>(
    `SELECT count(*)::int AS n, count(company_id)::int AS resolved FROM web_visits WHERE org_id = $1`,
    [org.orgId],
  );
  const statusCounts = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([status, stats]) => [status, stats.count]));
  process.stdout.write(
    `${JSON.stringify(
      {
        database: database.kind,
        durationSeconds,
        connections,
        requestsPerSecond: Math.round(result.requests.average),
        latencyMs: result.latency,
        statusCounts,
        answered204SeenByAutocannon: statusCounts['204'] ?? 0,
        accepted: answered204,
        stored: stored?.n ?? 0,
        resolvedToCompany: stored?.resolved ?? 0,
        lost: answered204 - (stored?.n ?? 0),
        refused503: statusCounts['503'] ?? 0,
        errors: result.errors,
        timeouts: result.timeouts,
        // CPU this process (HTTP + collector + PGlite when embedded) spent per accepted visit: what the endpoint costs,
        // independent of how busy the shared machine was.
        serverCpuMicrosecondsPerVisit: answered204 > 0 ? Math.round((cpu.user + cpu.system) / answered204) : null,
        flushOnCloseSeconds: Number(flushSeconds.toFixed(2)),
        loadAverageBefore: loadBefore.map((value) => Number(value.toFixed(2))),
        loadAverageAfter: loadAfter.map((value) => Number(value.toFixed(2))),
      },
      null,
      2,
    )}\n`,
  );
  await database.close();
}

await main();
