import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { CsvFormatError } from '../../../domain/matching/csv';
import { buildExclusionSet } from '../../../domain/matching/excludedDomains';
import type { MasterIndex } from '../../../domain/matching/masterIndex';
import { createAccountMatcher } from '../../../domain/matching/matchAccounts';
import { summarizeResults, type MatchResult } from '../../../domain/matching/types';
import { defaultMatchThreads, matchOnAllCores } from '../../../usecases/matching/matchOnAllCores';
import { closeMatchWorkerPool } from '../../../adapters/matching/matchWorkerPool';
import { CliError } from '../cliError';
import type { MatchOptions } from './match';
import { loadMasterFile, readAccountFile, writeResultsFile, type ProgressListener } from './matchFiles';
import { isCurrentSnapshot, loadMasterIndexSnapshot, saveMasterIndexSnapshot } from '../../../adapters/matching/masterIndexSnapshot';

/**
 * This command starts the match threads for one list, so they pay their start (loading the matcher, receiving the
 * index) in the timed match: 25,000 rows against 1M companies took 1,071-1,185 ms on 2 fresh threads against 531-629 ms
 * in this thread (idle, 3 alternating runs each, identical output). Fresh threads start in ~0.9 s and then take ~6 µs
 * a row against ~10 µs here, so they win from about 150,000 rows. A server keeps its threads warm (warmUp) and uses
 * them from matchOnAllCores' own threshold.
 */
const cliMinRowsForWorkers = 150_000;

/** `openabm match`'s work, loaded by its action (match.ts) when it runs: the matching engine, the database and the progress bar are paid by this command only. */
export async function runMatch(options: MatchOptions): Promise<void> {
  const progress = createProgress();
  try {
    const indexStart = performance.now();
    const index = options.master ? await loadMaster(options.master, options.indexSnapshot, progress.reporter('Loading master')) : await loadIndexFromDatabase();
    const indexMs = performance.now() - indexStart;
    const accounts = await readAccountFile(options.input, progress.reporter('Reading accounts'));
    const matchStart = performance.now();
    const matchOptions = { excludedDomains: buildExclusionSet() };
    let results: MatchResult[];
    const threads = defaultMatchThreads();
    if (threads.pool && accounts.length >= Math.max(threads.minRows, cliMinRowsForWorkers)) {
      // A very long list on every core (worker threads over the index in shared memory): the same results.
      results = await matchOnAllCores(index, null, accounts, matchOptions, threads);
    } else {
      const matcher = createAccountMatcher(index, matchOptions);
      const claimed = new Set<number>();
      results = [];
      const report = progress.reporter('Matching');
      for (let position = 0; position < accounts.length; position++) {
        const account = accounts[position];
        if (account) results.push(matcher.resolve(account, claimed));
        if (position % 2048 === 0) report?.(position, accounts.length);
      }
    }
    const matchMs = performance.now() - matchStart;
    progress.stop();
    await writeResultsFile(options.output, results);
    if (options.stats) process.stderr.write(`${JSON.stringify(statsLine(index, results, indexMs, matchMs))}\n`);
  } catch (error) {
    progress.stop();
    if (error instanceof CsvFormatError) throw new CliError(error.message);
    throw error;
  } finally {
    await closeMatchWorkerPool();
  }
}

/** Companies in the index: a company's other names are rows of their own (MasterIndex.primaryRows), not companies. */
function companyCount(index: MasterIndex): number {
  const primaryRows = index.primaryRows;
  if (!primaryRows) return index.size;
  let count = 0;
  for (let row = 0; row < index.size; row++) if (primaryRows[row] === row) count++;
  return count;
}

function statsLine(index: MasterIndex, results: readonly MatchResult[], indexMs: number, matchMs: number): Record<string, number> {
  const summary = summarizeResults(results);
  return {
    master_rows: companyCount(index),
    input_rows: summary.inputRows,
    matched: summary.matched,
    unmatched: summary.unmatched,
    duplicates: summary.duplicates,
    index_ms: Math.round(indexMs),
    match_ms: Math.round(matchMs),
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

async function loadMaster(masterFile: string, snapshotFile: string | undefined, onProgress: ProgressListener | undefined): Promise<MasterIndex> {
  if (snapshotFile && existsSync(snapshotFile) && statSync(snapshotFile).mtimeMs >= statSync(masterFile).mtimeMs && isCurrentSnapshot(snapshotFile)) {
    return loadMasterIndexSnapshot(snapshotFile);
  }
  const index = await loadMasterFile(masterFile, onProgress);
  if (snapshotFile) await saveMasterIndexSnapshot(index, snapshotFile);
  return index;
}

async function loadIndexFromDatabase(): Promise<MasterIndex> {
  // Loaded here: with --master (the usual case for scripts) the database is not needed.
  const [{ loadConfig }, { openDatabase }, { keepMasterIndexSnapshots, loadMasterIndex }] = await Promise.all([
    import('../../config'),
    import('../../../adapters/db/database'),
    import('../../../usecases/matching/loadMasterIndex'),
  ]);
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    keepMasterIndexSnapshots(database.db, path.join(config.dataDir, 'index-snapshots'));
    const index = await loadMasterIndex(database.db);
    if (index.size === 0) throw new CliError('the database has no master companies: import some with `openabm companies import FILE`, or pass --master FILE');
    return index;
  } finally {
    await database.close();
  }
}

/** A progress bar on stderr, only when stderr is a terminal (scripts and CI get clean output). */
function createProgress(): { reporter(label: string): ProgressListener | undefined; stop(): void } {
  if (!process.stderr.isTTY) return { reporter: () => undefined, stop: () => undefined };
  let bar: cliProgress.SingleBar | undefined;
  return {
    reporter(label) {
      bar?.stop();
      bar = new cliProgress.SingleBar({ format: `${label.padEnd(17)} [{bar}] {percentage}%`, stream: process.stderr, hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic);
      let isStarted = false;
      return (done, total) => {
        if (!bar) return;
        if (!isStarted) {
          bar.start(total, 0);
          isStarted = true;
        }
        bar.update(done);
      };
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
