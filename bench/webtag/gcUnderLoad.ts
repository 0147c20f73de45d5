/**
 * What the web tag's collection endpoint costs the garbage collector under load: the real app (buildApp) with the
 * beacon fast path, wrk offering RATE beacons a second for DURATION seconds, and in this process the GC pauses by kind
 * (PerformanceObserver 'gc'), mark-compacts per 100,000 beacons, the event loop's delay and the external memory
 * (Buffers) over the run, and how much the old generation grew (promoted or allocated there) per 100,000 beacons. Run it from two checkouts one after the other to compare old and new code on one machine:
 *
 *   BENCH_PG=postgres://postgres@127.0.0.1:5432 RATE=20000 DURATION=15 npx tsx bench/webtag/gcUnderLoad.ts
 *   HEAP_SAMPLE=1 npx node --expose-gc --import tsx bench/webtag/gcUnderLoad.ts   # also the sampling heap profiler over the run, counting the objects a mark-compact freed: the
 *                     # allocation sites that fill the old generation (self bytes sampled, top 20)
 */
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import v8 from 'node:v8';
import { constants, monitorEventLoopDelay, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { buildApp } from '../../src/apps/server/buildApp';
import { beaconFastPathCounts } from '../../src/apps/server/webTag/beaconFastPath';
import { createTestDeps } from '../../src/test/testApp';
import { openBenchDatabase, runLoad, seedTaggedOrg } from './webTagBenchKit';

const durationSeconds = Number(process.env.DURATION ?? 15);
const ratePerSecond = Number(process.env.RATE ?? 20_000);
const connections = Number(process.env.CONNECTIONS ?? 100);
const isSamplingHeap = process.env.HEAP_SAMPLE === '1';

const KINDS: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb',
};

interface SampleNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: SampleNode[];
}

function topSites(head: SampleNode, limit: number): Array<{ site: string; kb: number }> {
  const bySite = new Map<string, number>();
  const visit = (node: SampleNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const site = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(src|node_modules)\//, '$1/')}:${lineNumber + 1}`;
    if (node.selfSize > 0) bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
    for (const child of node.children) visit(child);
  };
  visit(head);
  return [...bySite].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([site, bytes]) => ({ site, kb: Math.round(bytes / 1024) }));
}

async function main(): Promise<void> {
  const database = await openBenchDatabase('openabm_bench_webtag_gc');
  const deps = createTestDeps(database, { config: { isWebTagFastPath: true } });
  const org = await seedTaggedOrg(database, `GC bench org ${Date.now()}`, 'visitor-bench-0001');
  const app = await buildApp(deps, { isServingWeb: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/t/collect`;

  const pauses: Record<string, { count: number; ms: number; maxMs: number }> = {};
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as Array<PerformanceEntry & { detail?: { kind?: number } }>) {
      const kind = KINDS[entry.detail?.kind ?? -1] ?? String(entry.detail?.kind);
      const figures = (pauses[kind] ??= { count: 0, ms: 0, maxMs: 0 });
      figures.count += 1;
      figures.ms += entry.duration;
      figures.maxMs = Math.max(figures.maxMs, entry.duration);
    }
  });
  // Old generation (old space and large objects) growth between samples: what was promoted or allocated there, which
  // brings the next mark-compact nearer (a fall is a mark-compact, not counted).
  const oldUsed = () => v8.getHeapSpaceStatistics().reduce((sum, space) => (space.space_name === 'old_space' || space.space_name === 'large_object_space' ? sum + space.space_used_size : sum), 0);
  let oldGrowth = 0;
  let lastOld = oldUsed();
  const oldTimer = setInterval(() => {
    const now = oldUsed();
    if (now > lastOld) oldGrowth += now - lastOld;
    lastOld = now;
  }, 20);
  let maxExternalMb = 0;
  let maxArrayBuffersMb = 0;
  const memoryTimer = setInterval(() => {
    const memory = process.memoryUsage();
    maxExternalMb = Math.max(maxExternalMb, memory.external / 2 ** 20);
    maxArrayBuffersMb = Math.max(maxArrayBuffersMb, memory.arrayBuffers / 2 ** 20);
  }, 50);
  const session = new Session();
  if (isSamplingHeap) {
    session.connect();
    await session.post('HeapProfiler.startSampling', { samplingInterval: 16_384, includeObjectsCollectedByMajorGC: true });
  }
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  const loadBefore = os.loadavg()[0];
  const answeredBefore = beaconFastPathCounts(app.server)?.[204] ?? 0;
  const cpuBefore = process.cpuUsage();
  observer.observe({ entryTypes: ['gc'] });
  loopDelay.enable();
  const load = await runLoad(url, org.body, { connections, durationSeconds, ratePerSecond });
  loopDelay.disable();
  observer.disconnect();
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(memoryTimer);
  clearInterval(oldTimer);
  const beacons = (beaconFastPathCounts(app.server)?.[204] ?? 0) - answeredBefore;
  // Two scavenges first (with --expose-gc): the young generation's garbage then leaves the profile, which keeps what
  // reached the old generation (and died there, or lives).
  const gc = (globalThis as { gc?: (options: { type: string }) => void }).gc;
  if (isSamplingHeap && gc) for (let index = 0; index < 2; index += 1) gc({ type: 'minor' });
  const profile = isSamplingHeap ? ((await session.post('HeapProfiler.stopSampling')) as { profile: { head: SampleNode } }).profile : undefined;
  await app.close();
  await database.close();

  const per100k = (value: number) => Number(((value * 100_000) / Math.max(beacons, 1)).toFixed(2));
  const major = pauses.major ?? { count: 0, ms: 0, maxMs: 0 };
  process.stdout.write(
    `${JSON.stringify(
      {
        checkout: process.cwd(),
        beacons,
        beaconsPerSecond: Math.round(beacons / durationSeconds),
        wrkP99Ms: load.latencyMs.p99,
        cpuMicrosecondsPerBeacon: Math.round((cpu.user + cpu.system) / Math.max(beacons, 1)),
        oldGenerationGrowthMbPer100k: per100k(oldGrowth / 2 ** 20),
        markCompactsPer100k: per100k(major.count),
        markCompactPauseMsPer100k: per100k(major.ms),
        gc: Object.fromEntries(Object.entries(pauses).map(([kind, f]) => [kind, { count: f.count, totalMs: Math.round(f.ms), maxMs: Number(f.maxMs.toFixed(1)) }])),
        eventLoopDelayMs: { p50: loopDelay.percentile(50) / 1e6, p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
        maxExternalMb: Math.round(maxExternalMb),
        maxArrayBuffersMb: Math.round(maxArrayBuffersMb),
        loadAverage: [loadBefore, os.loadavg()[0]].map((value) => Number(value?.toFixed(2))),
        ...(profile ? { oldGenerationGarbageBySite: topSites(profile.head, 20) } : {}),
      },
      null,
      2,
    )}\n`,
  );
}

await main();
