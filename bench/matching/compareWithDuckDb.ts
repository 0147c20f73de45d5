// Our engine and the DuckDB peer side by side on the same files, in one run: dev-set precision/recall/F1, then a
// generated master (1,000,000 companies) and account list (25,000 rows) scored against the generator's own truth,
// with wall and CPU time of both engines (CPU is the whole process's: all our worker threads, all DuckDB threads).
// Run (idle machine): npx node --expose-gc --import tsx bench/matching/compareWithDuckDb.ts [--companies N --rows N] [--skip-dev] [--skip-peer] [--from-snapshot FILE]
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { loadMasterFile, readAccountFile } from '../../src/apps/cli/commands/matchFiles';
import { loadMasterIndexSnapshot, saveMasterIndexSnapshot } from '../../src/adapters/matching/masterIndexSnapshot';
import { MatchWorkerPool } from '../../src/adapters/matching/matchWorkerPool';
import { buildExclusionSet } from '../../src/domain/matching/excludedDomains';
import type { MasterIndex } from '../../src/domain/matching/masterIndex';
import { masterIndexBytes } from '../../src/domain/matching/masterIndexSharing';
import { createAccountMatcher } from '../../src/domain/matching/matchAccounts';
import type { AccountInput, MatchResult } from '../../src/domain/matching/types';
import { matchOnAllCores } from '../../src/usecases/matching/matchOnAllCores';
import { devSetFiles, isDevSetPresent, readTruth, scoreAgainstTruth, type Accuracy } from './devSet';
import { cpuMsSince, runDuckDbPeer, type PeerRun } from './duckdbPeer';
import { generateScaleFiles, scaleDir, scaleFilesFor, scaleSizeFromArgs } from './generateScaleFiles';

const collectGarbage = (globalThis as { gc?: () => void }).gc;
const args = process.argv.slice(2);

/**
 * Heap plus off-heap bytes after a full collection; array buffers are freed by a background task, so wait a moment.
 * `external` already includes `arrayBuffers` (Node's process.memoryUsage): adding both counted typed arrays twice.
 */
async function memoryNow(): Promise<number> {
  collectGarbage?.();
  await new Promise((resolve) => setTimeout(resolve, 200));
  collectGarbage?.();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}

/** Bytes of the index's arrays in SharedArrayBuffers. */
function sharedArrayBytes(index: MasterIndex): number {
  let bytes = 0;
  for (const value of Object.values(index)) if (ArrayBuffer.isView(value) && value.buffer instanceof SharedArrayBuffer) bytes += value.buffer.byteLength;
  return bytes;
}

interface Timed<T> {
  value: T;
  wallMs: number;
  cpuMs: number;
}

async function timed<T>(run: () => Promise<T> | T): Promise<Timed<T>> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await run();
  return { value, wallMs: performance.now() - start, cpuMs: cpuMsSince(cpu) };
}

function best<T>(runs: readonly Timed<T>[]): { wallMs: number; cpuMs: number } {
  return { wallMs: Math.min(...runs.map((run) => run.wallMs)), cpuMs: Math.min(...runs.map((run) => run.cpuMs)) };
}

async function runOurs(masterCsv: string, accounts: readonly AccountInput[], rounds: number, snapshotToLoad?: string) {
  const before = await memoryNow();
  // --from-snapshot FILE: the index loaded from a saved snapshot instead of built from the CSV ("index from CSV" is then that load).
  const build = await timed(() => (snapshotToLoad ? loadMasterIndexSnapshot(snapshotToLoad) : loadMasterFile(masterCsv)));
  const index: MasterIndex = build.value;
  // The parallel build sorts the keys into shared memory, which process.memoryUsage() does not count.
  const heldBytes = (await memoryNow()) - before + sharedArrayBytes(index);
  mkdirSync(scaleDir, { recursive: true });
  const snapshotFile = path.join(scaleDir, `index-snapshot-${index.size}.bin`);
  await saveMasterIndexSnapshot(index, snapshotFile);
  // The worker pool reads the index from shared memory: the snapshot loaded straight into SharedArrayBuffers.
  const snapshot = await timed(() => loadMasterIndexSnapshot(snapshotFile, { shared: true }));
  const shared = snapshot.value;
  const options = { excludedDomains: buildExclusionSet() };
  const inThread: Timed<MatchResult[]>[] = [];
  for (let round = 0; round < rounds; round++) {
    inThread.push(
      await timed(() => {
        const matcher = createAccountMatcher(shared, options);
        const claimed = new Set<number>();
        return accounts.map((account) => matcher.resolve(account, claimed));
      }),
    );
  }
  const pool = new MatchWorkerPool();
  const onThreads: Timed<MatchResult[]>[] = [];
  try {
    // Round 0 starts the threads and hands them the index; the later rounds are the steady state of a running server.
    for (let round = 0; round <= rounds; round++) onThreads.push(await timed(() => matchOnAllCores(shared, null, accounts, options, { pool, minRows: 1 })));
  } finally {
    await pool.close();
  }
  const results = onThreads[onThreads.length - 1]?.value ?? [];
  return {
    index,
    size: index.size,
    build,
    snapshot,
    inThreadFirst: inThread[0] ?? { wallMs: 0, cpuMs: 0 },
    inThreadBest: best(inThread),
    poolThreads: pool.size,
    poolStart: onThreads[0] ?? { wallMs: 0, cpuMs: 0 },
    poolBest: best(onThreads.slice(1)),
    isPoolIdentical: isDeepStrictEqual(results, inThread[0]?.value),
    arrayBytesPerCompany: masterIndexBytes(index) / index.size,
    heldBytesPerCompany: heldBytes / index.size,
    results,
  };
}

const ms = (value: number): string => `${Math.round(value).toLocaleString('en-US')} ms`;
const figures = (run: { wallMs: number; cpuMs: number }): string => `${ms(run.wallMs)} wall, ${ms(run.cpuMs)} CPU`;
const accuracyLine = (accuracy: Accuracy): string =>
  `P ${accuracy.precision.toFixed(4)}  R ${accuracy.recall.toFixed(4)}  F1 ${accuracy.f1.toFixed(4)}  status agreement ${accuracy.statusAgreement.toFixed(4)}  (${accuracy.truePositives} right of ${accuracy.predicted} given a company; ${accuracy.expected} rows have one)`;

async function bestPeerRuns(master: string, accounts: string, runs: number): Promise<{ load: { wallMs: number; cpuMs: number }; match: { wallMs: number; cpuMs: number }; first: PeerRun }> {
  const all: PeerRun[] = [];
  for (let run = 0; run < runs; run++) all.push(await runDuckDbPeer(master, accounts));
  const first = all[0] as PeerRun;
  return {
    load: { wallMs: Math.min(...all.map((run) => run.loadMs)), cpuMs: Math.min(...all.map((run) => run.loadCpuMs)) },
    match: { wallMs: Math.min(...all.map((run) => run.matchMs)), cpuMs: Math.min(...all.map((run) => run.matchCpuMs)) },
    first,
  };
}

const isPeerSkipped = args.includes('--skip-peer');

if (!args.includes('--skip-dev')) {
  if (isDevSetPresent()) {
    const accounts = await readAccountFile(devSetFiles.accounts);
    const ours = await runOurs(devSetFiles.master, accounts, 3);
    const truth = readTruth();
    console.log(`dev set (${ours.size} companies, ${accounts.length} rows)`);
    console.log(`  openabm     ${accuracyLine(scoreAgainstTruth(new Map(ours.results.map((r) => [r.rowId, r])), truth))}`);
    console.log(`              index ${figures(ours.build)}; match in-thread best ${figures(ours.inThreadBest)}, ${ours.poolThreads} threads best ${figures(ours.poolBest)}`);
    if (!isPeerSkipped) {
      const peer = await bestPeerRuns(devSetFiles.master, devSetFiles.accounts, 1);
      console.log(`  duckdb peer ${accuracyLine(scoreAgainstTruth(new Map(peer.first.results.map((r) => [r.rowId, r])), truth))}`);
      console.log(`              load ${figures(peer.load)}; match ${figures(peer.match)}`);
    }
  } else {
    console.log(`dev set absent (${devSetFiles.master}): dev-set accuracy skipped`);
  }
}

const size = scaleSizeFromArgs(args);
const files = scaleFilesFor(size);
if (!existsSync(files.master) || !existsSync(files.accounts) || !existsSync(files.truth)) generateScaleFiles(size);
const accounts = await readAccountFile(files.accounts);
const truth = readTruth(files.truth);
const snapshotArg = args.indexOf('--from-snapshot');
const ours = await runOurs(files.master, accounts, 5, snapshotArg >= 0 ? args[snapshotArg + 1] : undefined);
const ourAccuracy = scoreAgainstTruth(new Map(ours.results.map((r) => [r.rowId, r])), truth);
console.log(`generated (${ours.size.toLocaleString('en-US')} companies, ${accounts.length.toLocaleString('en-US')} rows; truth: the company each row was written from)`);
console.log(`  openabm     ${accuracyLine(ourAccuracy)}`);
console.log(`              index from CSV ${figures(ours.build)}; from snapshot ${figures(ours.snapshot)}; index arrays ${ours.arrayBytesPerCompany.toFixed(1)} B/company; the process holds ${ours.heldBytesPerCompany.toFixed(1)} B/company more after the build (heap + off-heap)`);
console.log(`              match in-thread: first ${figures(ours.inThreadFirst)}, best of 5 ${figures(ours.inThreadBest)}`);
console.log(`              match on ${ours.poolThreads} worker threads (shared index): start + first ${figures(ours.poolStart)}, best of 5 ${figures(ours.poolBest)}; results identical to in-thread: ${ours.isPoolIdentical ? 'yes' : 'NO'}`);
if (!isPeerSkipped) {
  const peer = await bestPeerRuns(files.master, files.accounts, 2);
  const peerAccuracy = scoreAgainstTruth(new Map(peer.first.results.map((r) => [r.rowId, r])), truth);
  console.log(`  duckdb peer ${accuracyLine(peerAccuracy)}`);
  console.log(`              load ${figures(peer.load)}; match best of 2 ${figures(peer.match)}`);
}
console.log(`  peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
if (!ours.isPoolIdentical) process.exitCode = 1;
