// What both web tag benches set up: the database, an organisation whose tag key and loopback IP range make every
// beacon count and resolve to a company, the beacon body, and autocannon's arguments for it.
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/adapters/db/database';
import { getOrCreateTagKey } from '../../src/adapters/db/repositories/webVisits';
import { cidrToRange } from '../../src/domain/webTag/ipRanges';
import { createTestOrg } from '../../src/test/createTestOrg';

export const autocannonBin = path.resolve(import.meta.dirname, '../../node_modules/.bin/autocannon');

/** PGlite in memory, or a fresh database `name` on BENCH_PG (dropped and created again). */
export async function openBenchDatabase(name: string): Promise<Database> {
  const server = process.env.BENCH_PG;
  if (!server) return openDatabase({});
  const admin = new pg.Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return openDatabase({ databaseUrl: `${server}/${name}` });
}

/** An organisation with its tag key and 127.0.0.0/8 as a company's range; the beacon body a visitor would send. */
export async function seedTaggedOrg(database: Database, orgName: string, visitorId: string): Promise<{ orgId: string; body: string }> {
  const org = await createTestOrg(database, orgName);
  const tagKey = await getOrCreateTagKey(database.db, org.orgId);
  const loopback = cidrToRange('127.0.0.0/8');
  if (!loopback) throw new Error('127.0.0.0/8 did not parse');
  await database.query(`INSERT INTO web_ip_ranges (org_id, range_start, range_end, company_name, company_id) VALUES ($1, $2, $3, 'Loopback Inc', 'cmp-loopback')`, [
    org.orgId,
    loopback.start.toString(),
    loopback.end.toString(),
  ]);
  const body = JSON.stringify({ k: tagKey, v: visitorId, u: 'https://www.example.com/pricing?utm=bench', r: 'https://www.google.com/', t: Date.now() });
  return { orgId: org.orgId, body };
}

const BROWSER_USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

/** autocannon's request options for a beacon: a browser's content type and user agent (the bot filter lets it in). */
export function beaconRequestArgs(body: string, url: string): string[] {
  return ['-m', 'POST', '-H', 'content-type=text/plain;charset=UTF-8', '-H', `user-agent=${BROWSER_USER_AGENT}`, '-b', body, url];
}

/** What one load run gives, whichever tool made it. */
export interface LoadResult {
  readonly tool: string;
  readonly requestsPerSecond: number;
  readonly latencyMs: { p50: number; p90: number; p99: number; max: number };
  /** Socket errors and timeouts the tool saw (statuses are counted by the server). */
  readonly errors: number;
}

/**
 * wrk (C, from Debian's `wrk` package) when it is installed, else autocannon (Node, in node_modules). LOAD_TOOL picks
 * one. wrk costs the shared 2 cores far less CPU per request than autocannon, so more of the machine is left to the
 * server under test; both tools load our endpoint and the peer alike in one run.
 */
export function loadTool(): 'wrk' | 'autocannon' {
  const wanted = process.env.LOAD_TOOL;
  if (wanted === 'wrk' || wanted === 'autocannon') return wanted;
  return spawnSync('wrk', ['--version']).error ? 'autocannon' : 'wrk';
}

/**
 * `ratePerSecond` set: an open-loop load at that rate (what "holds N visits/s with p99 under X" asks), else as many
 * requests as the connections can send (closed loop: the endpoint's saturation, where latency is queueing).
 */
export function runLoad(url: string, body: string, options: LoadOptions): Promise<LoadResult> {
  return loadTool() === 'wrk' ? runWrk(url, body, options) : runAutocannon(url, body, options);
}

export interface LoadOptions {
  readonly connections: number;
  readonly durationSeconds: number;
  readonly ratePerSecond?: number | undefined;
}

function collectStdout(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} exited ${code}`))));
  });
}

async function runAutocannon(url: string, body: string, options: LoadOptions): Promise<LoadResult> {
  const rate = options.ratePerSecond ? ['--overallRate', String(options.ratePerSecond)] : [];
  const output = await collectStdout(autocannonBin, ['--json', '-c', String(options.connections), '-d', String(options.durationSeconds), ...rate, ...beaconRequestArgs(body, url)]);
  const result = JSON.parse(output) as { requests: { average: number }; latency: LoadResult['latencyMs']; errors: number; timeouts: number };
  const { p50, p90, p99, max } = result.latency;
  return { tool: 'autocannon', requestsPerSecond: Math.round(result.requests.average), latencyMs: { p50, p90, p99, max }, errors: result.errors + result.timeouts };
}

/**
 * wrk's Lua `delay()` spaces the requests of its thread on one schedule (`1000 / rate` ms apart, monotonic clock through
 * LuaJIT's ffi): an open-loop rate across the connections, as wrk2 would send it. A request is timed from when it is
 * sent, so the connections must outnumber rate × latency (100 connections at 20,000/s leave 5 ms each).
 */
const WRK_RATE_SCRIPT = (ratePerSecond: number) => [
  'local ffi = require("ffi")',
  'ffi.cdef[[ typedef struct { long tv_sec; long tv_nsec; } openabm_timespec; int clock_gettime(int clock, openabm_timespec *t); ]]',
  'local now = ffi.new("openabm_timespec")',
  'local function nowMs() ffi.C.clock_gettime(1, now); return tonumber(now.tv_sec) * 1000 + tonumber(now.tv_nsec) / 1e6 end',
  `local interval = 1000 / ${ratePerSecond}`,
  'local nextAt = nil',
  'delay = function()',
  '  local t = nowMs()',
  '  if nextAt == nil then nextAt = t end',
  '  local wait = nextAt - t',
  '  nextAt = nextAt + interval',
  '  if wait < 0 then return 0 end',
  '  return wait',
  'end',
];

async function runWrk(url: string, body: string, options: LoadOptions): Promise<LoadResult> {
  const script = path.join(os.tmpdir(), `openabm-webtag-wrk-${process.pid}.lua`);
  writeFileSync(
    script,
    [
      'wrk.method = "POST"',
      `wrk.body = ${JSON.stringify(body)}`,
      'wrk.headers["Content-Type"] = "text/plain;charset=UTF-8"',
      `wrk.headers["User-Agent"] = ${JSON.stringify(BROWSER_USER_AGENT)}`,
      'done = function(summary, latency, requests)',
      '  local e = summary.errors',
      '  io.write(string.format(\'{"requests":%d,"durationUs":%d,"p50":%.3f,"p90":%.3f,"p99":%.3f,"max":%.3f,"errors":%d}\\n\',',
      '    summary.requests, summary.duration, latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,',
      '    latency.max / 1000, e.connect + e.read + e.write + e.timeout))',
      'end',
      ...(options.ratePerSecond ? WRK_RATE_SCRIPT(options.ratePerSecond) : []),
    ].join('\n'),
  );
  // One wrk thread: the machine has two cores and the server under test needs the other one.
  // Timeout as autocannon's (10 s): a slow answer counts in the latency, not as an error.
  const output = await collectStdout('wrk', ['-t', '1', '-c', String(options.connections), '-d', `${options.durationSeconds}s`, '--timeout', '10s', '-s', script, url]);
  const line = output.split('\n').find((text) => text.startsWith('{"requests"'));
  if (!line) throw new Error(`wrk printed no summary:\n${output}`);
  const result = JSON.parse(line) as { requests: number; durationUs: number; p50: number; p90: number; p99: number; max: number; errors: number };
  return {
    tool: options.ratePerSecond ? `wrk -t 1 at ${options.ratePerSecond}/s` : 'wrk -t 1',
    requestsPerSecond: Math.round(result.requests / (result.durationUs / 1e6)),
    latencyMs: { p50: result.p50, p90: result.p90, p99: result.p99, max: result.max },
    errors: result.errors,
  };
}
