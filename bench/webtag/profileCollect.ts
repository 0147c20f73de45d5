/**
 * A small CPU profile of the web tag's collection endpoint: what one visit costs the server, without running the full
 * load test. Builds the real app (PGlite in memory, or BENCH_PG), warms it up with 3,000 beacons, then profiles a fixed
 * number of beacons (autocannon in its own process, `-a`, few connections, so the figure hardly depends on how busy
 * the machine is) and prints the server's CPU per visit and where it went (self time by function, top 25).
 *
 *   npx tsx bench/webtag/profileCollect.ts
 *   BARE=1 npx tsx bench/webtag/profileCollect.ts     # the web tag alone on a bare Fastify: what the app's global hooks cost
 *   BENCH_PG=postgres://postgres@127.0.0.1:5432 VISITS=20000 npx tsx bench/webtag/profileCollect.ts
 */
import { spawn } from 'node:child_process';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/adapters/db/database';
import { getOrCreateTagKey } from '../../src/adapters/db/repositories/webVisits';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { buildApp } from '../../src/apps/server/buildApp';
import { registerWebTag } from '../../src/apps/server/webTag/registerWebTag';
import { cidrToRange } from '../../src/domain/webTag/ipRanges';
import { createTestOrg } from '../../src/test/createTestOrg';
import { createTestDeps } from '../../src/test/testApp';

const visits = Number(process.env.VISITS ?? 10_000);
const connections = Number(process.env.CONNECTIONS ?? 10);
const root = path.resolve(import.meta.dirname, '../..');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

async function openBenchDatabase(): Promise<Database> {
  const server = process.env.BENCH_PG;
  if (!server) return openDatabase({});
  const admin = new pg.Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS openabm_bench_webtag_profile');
  await admin.query('CREATE DATABASE openabm_bench_webtag_profile');
  await admin.end();
  return openDatabase({ databaseUrl: `${server}/openabm_bench_webtag_profile` });
}

function post(url: string, body: string, amount: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(root, 'node_modules/.bin/autocannon'),
      ['--json', '-c', String(connections), '-a', String(amount), '-m', 'POST', '-H', 'content-type=text/plain;charset=UTF-8', '-H',
        'user-agent=Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36', '-b', body, url],
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
  const database = await openBenchDatabase();
  const deps = createTestDeps(database);
  const org = await createTestOrg(database, 'Profile org');
  const tagKey = await getOrCreateTagKey(database.db, org.orgId);
  const loopback = cidrToRange('127.0.0.0/8');
  if (!loopback) throw new Error('127.0.0.0/8 did not parse');
  await database.query(`INSERT INTO web_ip_ranges (org_id, range_start, range_end, company_name, company_id) VALUES ($1, $2, $3, 'Loopback Inc', 'cmp-loopback')`, [
    org.orgId, loopback.start.toString(), loopback.end.toString(),
  ]);
  const app = process.env.BARE === '1' ? Fastify({ loggerInstance: deps.logger as FastifyBaseLogger }) : await buildApp(deps, { isServingWeb: false });
  if (process.env.BARE === '1') await registerWebTag(app, deps);
  await app.listen({ host: '127.0.0.1', port: 0 });
  let answered204 = 0;
  app.server.on('request', (_request, response) => response.on('finish', () => (answered204 += response.statusCode === 204 ? 1 : 0)));
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/t/collect`;
  const body = JSON.stringify({ k: tagKey, v: 'visitor-profile-0001', u: 'https://www.example.com/pricing?utm=bench', r: 'https://www.google.com/', t: Date.now() });

  await post(url, body, 3_000);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  const before = answered204;
  const loadBefore = os.loadavg()[0];
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await session.post('Profiler.start');
  await post(url, body, visits);
  const { profile } = await session.post('Profiler.stop');
  const cpu = process.cpuUsage(cpuBefore);
  const seconds = (performance.now() - started) / 1000;
  const counted = answered204 - before;
  session.disconnect();
  await app.close();
  const [stored] = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM web_visits WHERE org_id = $1`, [org.orgId]);
  await database.close();

  const times = selfTimes(profile as unknown as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] });
  const busy = times.filter(([name]) => !name.startsWith('(idle)')).reduce((sum, [, time]) => sum + time, 0);
  process.stdout.write(
    `${JSON.stringify({ database: database.kind, app: process.env.BARE === '1' ? 'bare Fastify + web tag' : 'buildApp', profiledVisits: counted, seconds: Number(seconds.toFixed(2)), connections, storedAfterClose: stored?.n ?? 0, acceptedTotal: answered204,
      serverCpuMicrosecondsPerVisit: Math.round((cpu.user + cpu.system) / counted), loadAverage1mBefore: Number(loadBefore?.toFixed(2)) }, null, 2)}\n`,
  );
  process.stdout.write('self time (share of busy samples):\n');
  for (const [name, time] of times.filter(([name]) => !name.startsWith('(idle)')).slice(0, 25)) {
    process.stdout.write(`${((time / busy) * 100).toFixed(1).padStart(5)} %  ${name}\n`);
  }
}

await main();
