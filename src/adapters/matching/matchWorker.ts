// One thread of the match pool (matchWorkerPool.ts): holds views on the shared master index and resolves the rows
// it is sent with the same matcher as the main thread.
import { parentPort } from 'node:worker_threads';
import type { MasterIndex } from '../../domain/matching/masterIndex';
import { masterIndexFromParts } from '../../domain/matching/masterIndexSharing';
import { createAccountMatcher, type AccountMatcher, type MatchOptions } from '../../domain/matching/matchAccounts';
import type { MatchResult } from '../../domain/matching/types';
import { decodeRecords, encodeResults, recordRowIds } from './matchResultCodec';
import type { WorkerReply, WorkerRequest } from './matchWorkerMessages';

const port = parentPort;
if (!port) throw new Error('matchWorker.ts runs as a worker thread (matchWorkerPool.ts starts it)');

const indexes = new Map<number, MasterIndex>();
/** A matcher per (index, options): its word cache stays warm across the chunks of one list and the next. */
const matchers = new Map<string, AccountMatcher>();
/** The option sets the pool sent, by id (as many as the pool's maxOptionsPerWorker). */
const optionSets = new Map<number, MatchOptions>();
const maxOptionSets = 8;
/** What each row is resolved with: nothing claimed (emptied again after each row). */
const unclaimed = new Set<number>();

port.on('message', (message: WorkerRequest) => {
  switch (message.type) {
    case 'index':
      indexes.set(message.indexId, masterIndexFromParts(message.parts));
      // The pool keeps at most a couple of versions alive; older ones are let go here too.
      for (const id of indexes.keys()) if (!message.keep.includes(id)) forget(id);
      return;
    case 'match': {
      try {
        const index = indexes.get(message.indexId);
        if (!index) throw new Error(`match worker: index ${message.indexId} was never sent`);
        const key = `${message.indexId}:${message.optionsId}`;
        if (message.options) {
          // The pool sends a worker each option set once, and forgets what it sent by the same rule as here.
          if (optionSets.size >= maxOptionSets) optionSets.clear();
          // `rest` is the pool's MatchOptions without the exclusion set, field for field.
          optionSets.set(message.optionsId, { ...(message.options.rest as Omit<MatchOptions, 'excludedDomains'>), excludedDomains: new Set(message.options.excludedDomains) });
        }
        let matcher = matchers.get(key);
        if (!matcher) {
          const options = optionSets.get(message.optionsId);
          if (!options) throw new Error(`match worker: options ${message.optionsId} were never sent`);
          matcher = createAccountMatcher(index, options);
          if (matchers.size >= 8) matchers.clear();
          matchers.set(key, matcher);
        }
        // Each row is resolved as if no earlier row had claimed its company: the pool decides duplicates in input order.
        const records = decodeRecords(message.records);
        const results: MatchResult[] = new Array<MatchResult>(records.length);
        for (let row = 0; row < records.length; row++) {
          results[row] = matcher.resolve(records[row] as (typeof records)[number], unclaimed);
          unclaimed.clear();
        }
        // The pool has the rows' ids: results carry them back only when they differ.
        const encoded = encodeResults(results, recordRowIds(message.records));
        if (encoded) port?.postMessage({ type: 'encoded', jobId: message.jobId, encoded } satisfies WorkerReply, [encoded.ints.buffer as ArrayBuffer, encoded.scores.buffer as ArrayBuffer]);
        else reply({ type: 'result', jobId: message.jobId, results });
      } catch (error) {
        reply({ type: 'error', jobId: message.jobId, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      }
      return;
    }
  }
});

function forget(indexId: number): void {
  indexes.delete(indexId);
  for (const key of matchers.keys()) if (key.startsWith(`${indexId}:`)) matchers.delete(key);
}

function reply(message: WorkerReply): void {
  (port as NonNullable<typeof parentPort>).postMessage(message);
}
