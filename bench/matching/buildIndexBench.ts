// The master index build from the 1M-company CSV alone, with its CPU time: the whole process's (all threads) and this
// thread's (the merge runs here), so that runs on a loaded machine can still be compared. `--src DIR` builds with the
// src tree at DIR (a checkout of an earlier commit, to compare before/after in one run); `--hash` prints a digest of
// the index snapshot (identical builds give identical digests).
// Run: npx node --expose-gc --import tsx bench/matching/buildIndexBench.ts [--src DIR] [--rounds N] [--hash] [--companies N]
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import type { MasterIndex } from '../../src/domain/matching/masterIndex';
import { generateScaleFiles, scaleFilesFor, scaleSizeFromArgs } from './generateScaleFiles';

const args = process.argv.slice(2);
const option = (flag: string): string | undefined => {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
};
const srcDir = path.resolve(option('--src') ?? path.join(import.meta.dirname, '../../src'));
const rounds = Number(option('--rounds') ?? 1);
const size = scaleSizeFromArgs(args);
const files = scaleFilesFor(size);
if (!existsSync(files.master)) generateScaleFiles(size);

type Load = (filePath: string) => Promise<MasterIndex>;
const { loadMasterFile } = (await import(pathToFileURL(path.join(srcDir, 'apps/cli/commands/matchFiles.ts')).href)) as { loadMasterFile: Load };
const { saveMasterIndexSnapshot } = (await import(pathToFileURL(path.join(srcDir, 'adapters/matching/masterIndexSnapshot.ts')).href)) as { saveMasterIndexSnapshot: (index: MasterIndex, file: string) => Promise<void> };
const threadCpu = (process as unknown as { threadCpuUsage: (previous?: NodeJS.CpuUsage) => NodeJS.CpuUsage }).threadCpuUsage;
const cpuMs = (usage: NodeJS.CpuUsage): number => (usage.user + usage.system) / 1000;

/** Heap plus off-heap bytes after a full collection (as compareWithDuckDb.ts measures what the index holds). */
async function memoryNow(): Promise<number> {
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  await new Promise((resolve) => setTimeout(resolve, 200));
  collect?.();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}

/** Bytes of the index's arrays in shared memory: process.memoryUsage() does not count SharedArrayBuffers. */
function sharedIndexBytes(index: MasterIndex): number {
  let bytes = 0;
  for (const value of Object.values(index)) if (ArrayBuffer.isView(value) && value.buffer instanceof SharedArrayBuffer) bytes += value.buffer.byteLength;
  return bytes;
}

// This thread's young-generation collections (scavenges) and their pauses: what a first build loses while V8's
// young generation is small, and while parallel scavenges wait for helper threads.
const scavenges = { count: 0, ms: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if ((entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind !== constants.NODE_PERFORMANCE_GC_MINOR) continue;
    scavenges.count++;
    scavenges.ms += entry.duration;
  }
}).observe({ entryTypes: ['gc'] });

for (let round = 0; round < rounds; round++) {
  const memoryBefore = await memoryNow();
  const processBefore = process.cpuUsage();
  const threadBefore = threadCpu();
  scavenges.count = 0;
  scavenges.ms = 0;
  const start = performance.now();
  const index = await loadMasterFile(files.master);
  const wallMs = performance.now() - start;
  // GC entries are delivered after the collection: the build's last ones once this task has yielded.
  await new Promise((resolve) => setImmediate(resolve));
  const buildScavenges = { ...scavenges };
  const totalMs = cpuMs(process.cpuUsage(processBefore));
  const mainMs = cpuMs(threadCpu.call(process, threadBefore));
  const sharedBytes = sharedIndexBytes(index);
  const heldBytes = (await memoryNow()) - memoryBefore + sharedBytes;
  console.log(`${path.relative(process.cwd(), srcDir) || srcDir}: ${index.size} companies in ${Math.round(wallMs)} ms wall, ${Math.round(totalMs)} ms CPU (this thread ${Math.round(mainMs)} ms, other threads ${Math.round(totalMs - mainMs)} ms); holds ${(heldBytes / index.size).toFixed(1)} B/company (${(sharedBytes / index.size).toFixed(1)} of them in shared memory); peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB; this thread ${buildScavenges.count} scavenges, ${Math.round(buildScavenges.ms)} ms`);
  if (args.includes('--hash') && round === rounds - 1) {
    const file = path.join(tmpdir(), `index-bench-${process.pid}.bin`);
    await saveMasterIndexSnapshot(index, file);
    console.log(`  snapshot sha256 ${createHash('sha256').update(readFileSync(file)).digest('hex')}`);
    rmSync(file);
  }
}
