// Every MatchResult of the dev set and of the 1M × 25k list, one JSON line each, to compare byte for byte before and
// after a change to the matcher; with the in-thread CPU time per row of the 25k list (best of the rounds).
// Run: npx node --expose-gc --import tsx bench/matching/dumpResults.ts [--out file] [--rounds N] [--skip-dev] [--skip-scale]
// The 1M index is loaded from its own snapshot (bench/.data/dump-index-1m.bin, built from the CSV on the first run),
// so that the comparison does not depend on the index builder.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadMasterFile, readAccountFile } from '../../src/apps/cli/commands/matchFiles';
import { loadMasterIndexSnapshot, saveMasterIndexSnapshot, snapshotFormat } from '../../src/adapters/matching/masterIndexSnapshot';
import { buildExclusionSet } from '../../src/domain/matching/excludedDomains';
import type { MasterIndex } from '../../src/domain/matching/masterIndex';
import { createAccountMatcher } from '../../src/domain/matching/matchAccounts';
import type { AccountInput, MatchResult } from '../../src/domain/matching/types';
import { devSetFiles, isDevSetPresent } from './devSet';
import { cpuMsSince } from './duckdbPeer';
import { generateScaleFiles, scaleDir, scaleFiles } from './generateScaleFiles';

const args = process.argv.slice(2);
const valueOf = (flag: string): string | undefined => {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
};
const out = valueOf('--out') ?? path.join(scaleDir, 'results-dump.jsonl');
const rounds = Number(valueOf('--rounds') ?? 3);
const options = { excludedDomains: buildExclusionSet() };

function matchAll(index: MasterIndex, accounts: readonly AccountInput[]): MatchResult[] {
  const matcher = createAccountMatcher(index, options);
  const claimed = new Set<number>();
  return accounts.map((account) => matcher.resolve(account, claimed));
}

const lines: string[] = [];
if (!args.includes('--skip-dev') && isDevSetPresent()) {
  const index = await loadMasterFile(devSetFiles.master);
  const accounts = await readAccountFile(devSetFiles.accounts);
  for (const result of matchAll(index, accounts)) lines.push(`dev ${JSON.stringify(result)}`);
}
if (!args.includes('--skip-scale')) {
  mkdirSync(scaleDir, { recursive: true });
  if (!existsSync(scaleFiles.master) || !existsSync(scaleFiles.accounts)) generateScaleFiles();
  // Named by the snapshot format: trees of different formats compared in turn each keep their own.
  const snapshotFile = path.join(scaleDir, `dump-index-1m-${snapshotFormat.replace(/[^0-9A-Za-z-]/g, '_')}.bin`);
  if (!existsSync(snapshotFile)) await saveMasterIndexSnapshot(await loadMasterFile(scaleFiles.master), snapshotFile);
  const index = await loadMasterIndexSnapshot(snapshotFile, { shared: true });
  const accounts = await readAccountFile(scaleFiles.accounts);
  let results: MatchResult[] = [];
  const cpuMs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    (globalThis as { gc?: () => void }).gc?.();
    const cpu = process.cpuUsage();
    results = matchAll(index, accounts);
    cpuMs.push(cpuMsSince(cpu));
  }
  for (const result of results) lines.push(`25k ${JSON.stringify(result)}`);
  const perRow = (value: number): string => `${((value * 1000) / accounts.length).toFixed(2)} µs/row`;
  console.log(`in-thread CPU per round: ${cpuMs.map(perRow).join(', ')}; best ${perRow(Math.min(...cpuMs))}`);
}
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`${lines.length} results → ${out}`);
