// Our engine and the DuckDB peer side by side on the same files: dev-set precision/recall/F1, then speed on a
// generated 1,000,000-company master and 25,000-row list (index build, match time, memory per company).
// Run: npx node --expose-gc --import tsx bench/matching/compareWithDuckDb.ts [--skip-scale]
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { loadMasterFile, readAccountFile } from '../../src/apps/cli/commands/matchFiles';
import { buildExclusionSet } from '../../src/domain/matching/excludedDomains';
import { masterIndexBytes } from '../../src/domain/matching/masterIndex';
import { createAccountMatcher } from '../../src/domain/matching/matchAccounts';
import type { MatchResult } from '../../src/domain/matching/types';
import { devSetFiles, isDevSetPresent, readTruth, scoreAgainstTruth } from './devSet';
import { cpuMsSince, runDuckDbPeer } from './duckdbPeer';
import { generateScaleFiles, scaleDir, scaleFiles } from './generateScaleFiles';
import { loadMasterIndexSnapshot, saveMasterIndexSnapshot } from '../../src/adapters/matching/masterIndexSnapshot';

const collectGarbage = (globalThis as { gc?: () => void }).gc;

/** Heap plus off-heap (typed array) bytes after a full collection; array buffers are freed by a background task, so wait a moment. */
async function memoryNow(): Promise<number> {
  collectGarbage?.();
  await new Promise((resolve) => setTimeout(resolve, 200));
  collectGarbage?.();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}

async function runOurs(masterCsv: string, accountsCsv: string, rounds: number) {
  const before = await memoryNow();
  const cpuBefore = process.cpuUsage();
  const indexStart = performance.now();
  const index = await loadMasterFile(masterCsv);
  const indexMs = performance.now() - indexStart;
  const indexCpuMs = cpuMsSince(cpuBefore);
  const heldBytes = (await memoryNow()) - before;
  mkdirSync(scaleDir, { recursive: true });
  const snapshotFile = path.join(scaleDir, 'index-snapshot.bin');
  await saveMasterIndexSnapshot(index, snapshotFile);
  const snapshotCpu = process.cpuUsage();
  const snapshotStart = performance.now();
  await loadMasterIndexSnapshot(snapshotFile);
  const snapshotLoadMs = performance.now() - snapshotStart;
  const snapshotLoadCpuMs = cpuMsSince(snapshotCpu);
  const accounts = await readAccountFile(accountsCsv);
  const matchTimes: number[] = [];
  const matchCpuTimes: number[] = [];
  let results: MatchResult[] = [];
  for (let round = 0; round < rounds; round++) {
    const matcher = createAccountMatcher(index, { excludedDomains: buildExclusionSet() });
    const claimed = new Set<number>();
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    results = accounts.map((account) => matcher.resolve(account, claimed));
    matchTimes.push(performance.now() - start);
    matchCpuTimes.push(cpuMsSince(cpuStart));
  }
  return {
    size: index.size,
    indexMs,
    indexCpuMs,
    snapshotLoadMs,
    snapshotLoadCpuMs,
    firstMatchMs: matchTimes[0] ?? 0,
    bestMatchMs: Math.min(...matchTimes),
    firstMatchCpuMs: matchCpuTimes[0] ?? 0,
    bestMatchCpuMs: Math.min(...matchCpuTimes),
    arrayBytesPerCompany: masterIndexBytes(index) / index.size,
    heldBytesPerCompany: heldBytes / index.size,
    results,
  };
}

const round = (value: number, digits = 0): number => Number(value.toFixed(digits));

if (isDevSetPresent()) {
  const ours = await runOurs(devSetFiles.master, devSetFiles.accounts, 3);
  const peer = await runDuckDbPeer(devSetFiles.master, devSetFiles.accounts);
  const truth = readTruth();
  const ourAccuracy = scoreAgainstTruth(new Map(ours.results.map((r) => [r.rowId, r])), truth);
  const peerAccuracy = scoreAgainstTruth(new Map(peer.results.map((r) => [r.rowId, r])), truth);
  console.log(`dev set (${ours.size} companies, ${ours.results.length} rows)`);
  console.log(`  openabm     P ${ourAccuracy.precision.toFixed(4)}  R ${ourAccuracy.recall.toFixed(4)}  F1 ${ourAccuracy.f1.toFixed(4)}  status agreement ${ourAccuracy.statusAgreement.toFixed(4)}  index ${round(ours.indexMs)} ms (cpu ${round(ours.indexCpuMs)})  match ${round(ours.bestMatchMs)} ms (cpu ${round(ours.bestMatchCpuMs)})`);
  console.log(`  duckdb peer P ${peerAccuracy.precision.toFixed(4)}  R ${peerAccuracy.recall.toFixed(4)}  F1 ${peerAccuracy.f1.toFixed(4)}  status agreement ${peerAccuracy.statusAgreement.toFixed(4)}  load ${round(peer.loadMs)} ms (cpu ${round(peer.loadCpuMs)})  match ${round(peer.matchMs)} ms (cpu ${round(peer.matchCpuMs)})`);
} else {
  console.log(`dev set absent (${devSetFiles.master}): accuracy skipped`);
}

if (!process.argv.includes('--skip-scale')) {
  if (!existsSync(scaleFiles.master) || !existsSync(scaleFiles.accounts)) generateScaleFiles();
  const ours = await runOurs(scaleFiles.master, scaleFiles.accounts, 5);
  const peerRuns = [await runDuckDbPeer(scaleFiles.master, scaleFiles.accounts), await runDuckDbPeer(scaleFiles.master, scaleFiles.accounts)];
  const peerLoadMs = Math.min(...peerRuns.map((run) => run.loadMs));
  const peerMatchMs = Math.min(...peerRuns.map((run) => run.matchMs));
  const peerLoadCpuMs = Math.min(...peerRuns.map((run) => run.loadCpuMs));
  const peerMatchCpuMs = Math.min(...peerRuns.map((run) => run.matchCpuMs));
  const matched = ours.results.filter((r) => r.status !== 'unmatched').length;
  const peerMatched = (peerRuns[0]?.results ?? []).filter((r) => r.status !== 'unmatched').length;
  console.log(`scale (${ours.size} companies, ${ours.results.length} rows)`);
  console.log(`  openabm     index ${round(ours.indexMs)} ms (cpu ${round(ours.indexCpuMs)} ms), from snapshot ${round(ours.snapshotLoadMs)} ms (cpu ${round(ours.snapshotLoadCpuMs)})  match first ${round(ours.firstMatchMs)} ms (cpu ${round(ours.firstMatchCpuMs)}), best ${round(ours.bestMatchMs)} ms (best cpu ${round(ours.bestMatchCpuMs)})  index arrays ${round(ours.arrayBytesPerCompany, 1)} B/company, heap held ${round(ours.heldBytesPerCompany, 1)} B/company  matched+dup ${matched}`);
  console.log(`  duckdb peer load ${round(peerLoadMs)} ms (cpu ${round(peerLoadCpuMs)})  match best ${round(peerMatchMs)} ms (cpu ${round(peerMatchCpuMs)}, all threads)  matched+dup ${peerMatched}`);
  console.log(`  peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
}
