/**
 * A small CPU profile of the web tag's collection endpoint: what one visit costs the server, without running the full
 * load test. Builds the real app (PGlite in memory, or BENCH_PG), warms it up with 3,000 beacons, then profiles a fixed
 * number of beacons (autocannon in its own process, `-a`, few connections, so the figure hardly depends on how busy
 * the machine is) and prints the server's CPU per visit and where it went (self time by function, top 25).
 *
 *   npx tsx bench/webtag/profileCollect.ts
 *   BARE=1 npx tsx bench/webtag/profileCollect.ts     # the web tag alone on a bare Fastify: what the app's global hooks cost
 *   BENCH_PG=postgres://postgres@127.0.0.1:5432 VISITS=20000 npx tsx bench/webtag/profileCollect.ts
 *   PROFILE=0 …     # CPU per visit only, without the profiler's own cost (what to compare old and new code by)
 */
import { spawn } from 'node:child_process';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { buildApp } from '../../src/apps/server/buildApp';
import { beaconFastPathCounts } from '../../src/apps/server/webTag/beaconFastPath';
import { registerWebTag } from '../../src/apps/server/webTag/registerWebTag';
import { createTestDeps } from '../../src/test/testApp';
import { autocannonBin, beaconRequestArgs, openBenchDatabase, seedTaggedOrg } from './webTagBenchKit';

const visits = Number(process.env.VISITS ?? 10_000);
const connections = Number(process.env.CONNECTIONS ?? 10);
const isProfiling = process.env.PROFILE !== '0';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

function post(url: string, body: string, amount: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      autocannonBin,
      ['--json', '-c', String(connections), '-a', String(amount), ...beaconRequestArgs(body, url)],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`autocannon exited ${code}`))));
  });
}

function selfTimes(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }): Array<[string, number]> {
  const nameOf = new Map(profile.nodes.map((node) => {
    const file = node.callFrame.url.split('/node_modules/').pop()?.split('/').slice(-2).join('/') ?? '';
    return [node.id, `${node.callFrame.functionName || '(anonymous)'} ${file}:${node.callFrame.lineNumber + 1}`];
  }));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const name = nameOf.get(id) ?? '?';
    totals.set(name, (totals.get(name) ?? 0) + (profile.timeDeltas[index + 1] ?? 0));
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

async function main(): Promise<void> {
  const database = await openBenchDatabase('openabm_bench_webtag_profile');
  const deps = createTestDeps(database);
  const org = await seedTaggedOrg(database, 'Profile org', 'visitor-profile-0001');
  const app = process.env.BARE === '1' ? Fastify({ loggerInstance: deps.logger as FastifyBaseLogger }) : await buildApp(deps, { isServingWeb: false });
  if (process.env.BARE === '1') await registerWebTag(app, deps);
  await app.listen({ host: '127.0.0.1', port: 0 });
  let answeredByNode204 = 0;
  app.server.on('request', (_request, response) => response.on('finish', () => (answeredByNode204 += response.statusCode === 204 ? 1 : 0)));
  // The beacon fast path's answers never reach Node's 'request' event.
  const answered204 = () => answeredByNode204 + (beaconFastPathCounts(app.server)?.[204] ?? 0);
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/t/collect`;
  const { body } = org;

  await post(url, body, 3_000);
  const session = new Session();
  session.connect();
  if (isProfiling) {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
  }
  const before = answered204();
  const loadBefore = os.loadavg()[0];
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  if (isProfiling) await session.post('Profiler.start');
  await post(url, body, visits);
  const cpu = process.cpuUsage(cpuBefore);
  const profile = isProfiling ? (await session.post('Profiler.stop')).profile : { nodes: [], samples: [], timeDeltas: [] };
  const seconds = (performance.now() - started) / 1000;
  const counted = answered204() - before;
  session.disconnect();
  await app.close();
  const [stored] = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM web_visits WHERE org_id = $1`, [org.orgId]);
  await database.close();

  const times = selfTimes(profile as unknown as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] });
  const busy = times.filter(([name]) => !name.startsWith('(idle)')).reduce((sum, [, time]) => sum + time, 0);
  process.stdout.write(
    `${JSON.stringify({ database: database.kind, app: process.env.BARE === '1' ? 'bare Fastify + web tag' : 'buildApp', profiledVisits: counted, seconds: Number(seconds.toFixed(2)), connections, storedAfterClose: stored?.n ?? 0, acceptedTotal: answered204(),
      serverCpuMicrosecondsPerVisit: Math.round((cpu.user + cpu.system) / counted), loadAverage1mBefore: Number(loadBefore?.toFixed(2)) }, null, 2)}\n`,
  );
  process.stdout.write('self time (share of busy samples):\n');
  for (const [name, time] of times.filter(([name]) => !name.startsWith('(idle)')).slice(0, 25)) {
    process.stdout.write(`${((time / busy) * 100).toFixed(1).padStart(5)} %  ${name}\n`);
  }
}

await main();
