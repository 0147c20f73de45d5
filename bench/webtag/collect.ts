/**
 * Load on the web tag's collection endpoint (POST /t/collect) on the loopback address, the whole path in place (beacon
 * validation, tag-key check, bot filter, IP-range lookup, bounded queue, batched inserts), and on a bare Fastify peer
 * in the same run. The load tool is its own process: wrk when installed (`apt-get install wrk`), else autocannon
 * (LOAD_TOOL=wrk|autocannon picks); the server is the real buildApp. After each run the app is closed (the collector
 * flushes) and the stored rows are counted against the server's 204 answers. Prints figures; never passes or fails.
 *
 *   npx tsx bench/webtag/collect.ts                        # PGlite (in memory)
 *   BENCH_PG=postgres://postgres@127.0.0.1:5432 npx tsx bench/webtag/collect.ts   # creates openabm_bench_webtag
 *   DURATION=20 CONNECTIONS=100 ROUNDS=2 npx tsx bench/webtag/collect.ts   # ours, peer, ours, peer
 *   RATE=20000 npx tsx bench/webtag/collect.ts              # 20,000 visits/s offered (open loop): the latency at that rate
 *   PEER=0 npx tsx bench/webtag/collect.ts                  # without the bare Fastify peer (bench/webtag/barePeer.ts)
 *   FLOOR=1 npx tsx bench/webtag/collect.ts                 # also Node's HTTP server answering 204 and storing nothing:
 *                                                           # the latency the machine, the load tool and Node's HTTP
 *                                                           # alone give at that rate, which our fast path goes below
 *   NODE_PATH=1 npx tsx bench/webtag/collect.ts             # also ours with the beacon fast path off (every beacon
 *                                                           # through Node's HTTP server, OPENABM_WEB_TAG_FAST_PATH=0)
 * Each round runs ours and then the peer on the same database, the same beacon and the same load settings.
 */
import { createServer } from 'node:http';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/adapters/db/database';
import { buildApp } from '../../src/apps/server/buildApp';
import { beaconFastPathCounts } from '../../src/apps/server/webTag/beaconFastPath';
import { createTestDeps } from '../../src/test/testApp';
import { startBarePeer } from './barePeer';
import { openBenchDatabase, runLoad, seedTaggedOrg } from './webTagBenchKit';

const durationSeconds = Number(process.env.DURATION ?? 15);
const connections = Number(process.env.CONNECTIONS ?? 100);
const rounds = Number(process.env.ROUNDS ?? 1);
// RATE=20000: offer that many visits a second (open loop); unset: as many as the connections can send.
const ratePerSecond = process.env.RATE ? Number(process.env.RATE) : undefined;
const withPeer = process.env.PEER !== '0';
const withFloor = process.env.FLOOR === '1';
const withNodePath = process.env.NODE_PATH === '1';

const toMs = (nanoseconds: number) => Number((nanoseconds / 1e6).toFixed(1));

/**
 * Counts the server's own answers by status: the load tools stop counting at the deadline while requests are in
 * flight, and wrk does not count statuses at all. The 204s are the visits accepted. Node's HTTP server's answers and
 * the beacon fast path's (which Node's 'request' event never sees) together.
 */
function countAnswers(app: FastifyInstance): () => Record<string, number> {
  const counts: Record<string, number> = {};
  app.server.on('request', (_request, response) => response.on('finish', () => (counts[response.statusCode] = (counts[response.statusCode] ?? 0) + 1)));
  return () => {
    const all = { ...counts };
    for (const [status, count] of Object.entries(beaconFastPathCounts(app.server) ?? {})) all[status] = (all[status] ?? 0) + count;
    return all;
  };
}

/** One load run against `url`; the figures every run prints, before the server is closed and the rows counted. */
async function loadRun(url: string, body: string, answers: () => Record<string, number>) {
  const loadBefore = os.loadavg();
  const cpuBefore = process.cpuUsage();
  // How long the server's event loop was held up (what a beacon waits for besides the network and the database).
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const result = await runLoad(url, body, { connections, durationSeconds, ratePerSecond });
  loopDelay.disable();
  const cpu = process.cpuUsage(cpuBefore);
  const loadAfter = os.loadavg();
  const statusCounts = answers();
  const accepted = statusCounts['204'] ?? 0;
  return {
    loadTool: result.tool,
    requestsPerSecond: result.requestsPerSecond,
    latencyMs: result.latencyMs,
    statusCounts,
    accepted,
    errors: result.errors,
    eventLoopDelayMs: { p50: toMs(loopDelay.percentile(50)), p99: toMs(loopDelay.percentile(99)), max: toMs(loopDelay.max) },
    // CPU this process (HTTP + collector + PGlite when embedded) spent per accepted visit: what the endpoint costs,
    // independent of how busy the shared machine was.
    serverCpuMicrosecondsPerVisit: accepted > 0 ? Math.round((cpu.user + cpu.system) / accepted) : null,
    serverCpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
    loadAverageBefore: loadBefore.map((value) => Number(value.toFixed(2))),
    loadAverageAfter: loadAfter.map((value) => Number(value.toFixed(2))),
  };
}

async function runOpenabm(database: Database, isFastPath = true) {
  const deps = createTestDeps(database, { config: { isWebTagFastPath: isFastPath } });
  const org = await seedTaggedOrg(database, `Bench org ${Date.now()}`, 'visitor-bench-0001');
  const app = await buildApp(deps, { isServingWeb: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const answers = countAnswers(app);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const figures = await loadRun(`http://127.0.0.1:${port}/t/collect`, org.body, answers);
  const closeStarted = performance.now();
  const closeCpuBefore = process.cpuUsage();
  await app.close();
  const flushSeconds = (performance.now() - closeStarted) / 1000;
  const closeCpu = process.cpuUsage(closeCpuBefore);
  const closeCpuSeconds = (closeCpu.user + closeCpu.system) / 1e6;
  const [stored] = await database.query<{ n: number; resolved: number }>(
    `SELECT count(*)::int AS n, count(company_id)::int AS resolved FROM web_visits WHERE org_id = $1`,
    [org.orgId],
  );
  return {
    engine: `openabm /t/collect${isFastPath ? '' : ' through Node http'} (key check, bot filter, validation, IP-range lookup, bounded queue)`,
    ...figures,
    stored: stored?.n ?? 0,
    resolvedToCompany: stored?.resolved ?? 0,
    lost: figures.accepted - (stored?.n ?? 0),
    flushOnCloseSeconds: Number(flushSeconds.toFixed(2)),
    // With the CPU of writing what was still queued at the end (a database that fell behind leaves a backlog, whose
    // writing the load's window does not see): every microsecond the server spent on a visit.
    serverCpuMicrosecondsPerVisitWithFlush: figures.accepted > 0 ? Math.round(((figures.serverCpuSeconds + closeCpuSeconds) * 1e6) / figures.accepted) : null,
  };
}

async function runBarePeer(database: Database, body: string) {
  const peer = await startBarePeer(database);
  const figures = await loadRun(peer.url, body, countAnswers(peer.app));
  await peer.app.close();
  const stored = await peer.storedCount();
  return { engine: 'bare Fastify peer (parse, queue, batched INSERT)', ...figures, stored, lost: figures.accepted - stored };
}

/** Node's HTTP server reading each body and answering 204: no parsing, no queue, no database. */
async function runHttpFloor(body: string) {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(204);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const counts: Record<string, number> = {};
  server.on('request', (_request, response) => response.on('finish', () => (counts[response.statusCode] = (counts[response.statusCode] ?? 0) + 1)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const figures = await loadRun(`http://127.0.0.1:${port}/`, body, () => ({ ...counts }));
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return { engine: 'floor: Node http answering 204, storing nothing', ...figures };
}

async function main(): Promise<void> {
  const database = await openBenchDatabase('openabm_bench_webtag');
  const { body } = await seedTaggedOrg(database, 'Beacon org', 'visitor-bench-0001');
  const runs: unknown[] = [];
  for (let round = 0; round < rounds; round += 1) {
    runs.push(await runOpenabm(database));
    if (withNodePath) runs.push(await runOpenabm(database, false));
    if (withPeer) runs.push(await runBarePeer(database, body));
    if (withFloor) runs.push(await runHttpFloor(body));
  }
  process.stdout.write(`${JSON.stringify({ database: database.kind, durationSeconds, connections, ratePerSecond: ratePerSecond ?? 'as fast as the connections go', runs }, null, 2)}\n`);
  // One line a run, for reading several rounds at a glance.
  for (const run of runs as Array<Awaited<ReturnType<typeof loadRun>> & { engine: string; lost?: number }>) {
    const { p50, p99, max } = run.latencyMs;
    // "/s" is what the load tool got answered; a 503 (queue full) is an answer too, so the line says how many beacons
    // were not taken (any answer but 204, and the tool's socket errors) beside those taken and then lost.
    const notTaken = Object.entries(run.statusCounts).reduce((sum, [status, count]) => (status === '204' ? sum : sum + count), 0) + run.errors;
    process.stdout.write(
      `${run.engine.split(' (')[0]?.padEnd(48)} ${String(Math.round(run.requestsPerSecond)).padStart(6)}/s  p50 ${p50} ms  p99 ${p99} ms  max ${max} ms  loop p99 ${run.eventLoopDelayMs.p99} ms  ${run.serverCpuMicrosecondsPerVisit} µs CPU/visit  not taken ${notTaken}  lost ${run.lost ?? '—'}\n`,
    );
  }
  await database.close();
}

await main();
