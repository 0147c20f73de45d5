import { availableParallelism } from 'node:os';
import { getMatchWorkerPool, type MatchWorkerPool } from '../../adapters/matching/matchWorkerPool';
import type { MasterIndex } from '../../domain/matching/masterIndex';
import type { MatchOptions } from '../../domain/matching/matchAccounts';
import { matchAccountsWithPrivate, withPrivateAndDuplicates } from '../../domain/matching/privateCompanies';
import type { AccountInput, MatchResult } from '../../domain/matching/types';

/** Below this many rows a list is matched in-thread: handing rows to threads would cost more than it saves. */
export const minRowsForWorkers = 4_000;

export interface MatchThreads {
  /** null: always in-thread. */
  pool: MatchWorkerPool | null;
  minRows: number;
}

/** The process's pool when the machine has more than one core. */
export function defaultMatchThreads(): MatchThreads {
  return { pool: availableParallelism() > 1 ? getMatchWorkerPool() : null, minRows: minRowsForWorkers };
}

/**
 * matchAccountsWithPrivate, with the master side on every core for a long list (the worker pool over the shared
 * index); the same results either way (matchOnAllCores.test.ts).
 */
export async function matchOnAllCores(master: MasterIndex, privateIndex: MasterIndex | null, records: readonly AccountInput[], options: MatchOptions, threads: MatchThreads = defaultMatchThreads()): Promise<MatchResult[]> {
  if (!threads.pool || records.length < threads.minRows) return matchAccountsWithPrivate(master, privateIndex, records, options);
  const masterResults = await threads.pool.resolveRows(master, records, options);
  return withPrivateAndDuplicates(masterResults, privateIndex, records, options);
}
