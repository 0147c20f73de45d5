// All cores for matching: worker threads over one master index held in SharedArrayBuffers (each worker reads the
// same memory; nothing is copied per worker). A list is cut into chunks that idle workers take in turn; each row
// is resolved with the same matcher as in-thread, and duplicates are then decided in input order, so the results
// are those of matchAccounts (matchWorkerPool.test.ts checks it).
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { MasterIndex } from '../../domain/matching/masterIndex';
import { isSharedMasterIndex, masterIndexToParts, shareMasterIndex } from '../../domain/matching/masterIndexSharing';
import type { MatchOptions } from '../../domain/matching/matchAccounts';
import type { AccountInput, MatchResult } from '../../domain/matching/types';
import type { WorkerMatchOptions, WorkerReply, WorkerRequest } from './matchWorkerMessages';
import { decodeResults, encodeRecords, recordRowIds } from './matchResultCodec';
import { startTsWorker } from './tsWorker';

/**
 * Rows per message: up to maxChunkSize, large enough that messaging stays a few per cent; smaller towards the end of
 * a list (a share of what is left per thread, down to minChunkSize), so that the threads finish together instead of
 * one idling while the other matches a last large chunk.
 */
const maxChunkSize = 1_000;
const minChunkSize = 200;
const chunksPerThreadLeft = 4;
/** Index versions the workers keep at once (the current one and the one a running match may still read). */
const keptIndexes = 2;
/** Chunks queued in one worker at once: it starts the next as soon as it answers one, without a round trip. */
const maxInFlight = 2;
/** Option sets a worker keeps matchers for (matchWorker.ts keeps as many); past this many they are sent again. */
const maxOptionsPerWorker = 8;

interface Job {
  jobId: number;
  request: Extract<WorkerRequest, { type: 'match' }>;
  resolve(results: MatchResult[]): void;
  reject(error: Error): void;
}

interface PoolWorker {
  worker: Worker;
  /** Chunks sent and not yet answered (up to maxInFlight: the next one waits in the worker while it matches). */
  inFlight: Job[];
  indexIds: Set<number>;
  /** Option sets this worker was sent (a chunk carries its options only the first time: the exclusion list is ~250 domains). */
  optionIds: Set<number>;
}

export interface MatchWorkerPoolOptions {
  /** Threads (default: the machine's available parallelism, at most 8). */
  size?: number;
}

export class MatchWorkerPool {
  readonly size: number;
  private readonly workers: PoolWorker[] = [];
  private readonly queue: Job[] = [];
  private readonly indexIds = new WeakMap<MasterIndex, number>();
  private readonly sharedViews = new WeakMap<MasterIndex, MasterIndex>();
  private readonly liveIndexes: Array<{ id: number; index: MasterIndex }> = [];
  private readonly optionIds = new Map<string, number>();
  /** The options of each id, for the workers that have not been sent them yet. */
  private readonly optionsById = new Map<number, WorkerMatchOptions>();
  private nextId = 1;
  private isClosed = false;

  constructor(options: MatchWorkerPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? Math.min(8, availableParallelism()));
  }

  /**
   * The master rows of `records` resolved by the workers, each as matcher.resolve(record, new Set()) gives it (no
   * row is a duplicate yet), in input order. An index not yet on SharedArrayBuffers is copied there once.
   */
  async resolveRows(index: MasterIndex, records: readonly AccountInput[], options: MatchOptions): Promise<MatchResult[]> {
    if (this.isClosed) throw new Error('the match worker pool is closed');
    const indexId = this.indexIdOf(this.sharedView(index));
    const { excludedDomains, ...rest } = options;
    const workerOptions: WorkerMatchOptions = { excludedDomains: [...excludedDomains], rest };
    const optionsId = this.optionsIdOf(workerOptions);
    const chunks: Promise<MatchResult[]>[] = [];
    for (let start = 0; start < records.length; ) {
      const left = records.length - start;
      const size = Math.min(left, Math.max(minChunkSize, Math.min(maxChunkSize, Math.ceil(left / (this.size * chunksPerThreadLeft)))));
      const chunk = records.slice(start, start + size);
      start += size;
      const request: Extract<WorkerRequest, { type: 'match' }> = { type: 'match', jobId: this.nextId++, indexId, optionsId, records: encodeRecords(chunk) };
      this.optionsById.set(optionsId, workerOptions);
      chunks.push(new Promise<MatchResult[]>((resolve, reject) => this.queue.push({ jobId: request.jobId, request, resolve, reject })));
    }
    this.dispatch();
    return (await Promise.all(chunks)).flat();
  }

  async close(): Promise<void> {
    this.isClosed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('the match worker pool was closed'));
    await Promise.all(this.workers.splice(0).map((entry) => entry.worker.terminate()));
  }

  private sharedView(index: MasterIndex): MasterIndex {
    if (isSharedMasterIndex(index)) return index;
    let shared = this.sharedViews.get(index);
    if (!shared) {
      shared = shareMasterIndex(index);
      this.sharedViews.set(index, shared);
    }
    return shared;
  }

  private indexIdOf(index: MasterIndex): number {
    let id = this.indexIds.get(index);
    if (id === undefined) {
      id = this.nextId++;
      this.indexIds.set(index, id);
      this.liveIndexes.push({ id, index });
      if (this.liveIndexes.length > keptIndexes) this.liveIndexes.shift();
    }
    return id;
  }

  private optionsIdOf(options: WorkerMatchOptions): number {
    // Sets and maps (an option may hold one) by their contents, so that different ones never share an id.
    const key = JSON.stringify(options, (_, value: unknown) => (value instanceof Set || value instanceof Map ? [...value] : value));
    let id = this.optionIds.get(key);
    if (id === undefined) {
      if (this.optionIds.size > 1000) {
        this.optionIds.clear();
        this.optionsById.clear();
      }
      id = this.nextId++;
      this.optionIds.set(key, id);
    }
    return id;
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      // An idle worker, else a new one while the pool is below its size, else one with room in its queue.
      let entry = this.workers.find((candidate) => candidate.inFlight.length === 0);
      if (!entry && this.workers.length < this.size) entry = this.startWorker();
      entry ??= this.workers.find((candidate) => candidate.inFlight.length < maxInFlight);
      if (!entry) return;
      const job = this.queue.shift() as Job;
      this.send(entry, job);
    }
  }

  /**
   * Starts every thread now and hands each the index (put on SharedArrayBuffers once), so that the first long list
   * pays for neither (about a second): what a server does once its master index is loaded.
   */
  warmUp(index: MasterIndex): void {
    if (this.isClosed) return;
    const indexId = this.indexIdOf(this.sharedView(index));
    while (this.workers.length < this.size) this.startWorker();
    for (const entry of this.workers) this.sendIndex(entry, indexId);
  }

  /** Sends the worker the index unless it has it; false when the index is no longer live. */
  private sendIndex(entry: PoolWorker, indexId: number): boolean {
    if (entry.indexIds.has(indexId)) return true;
    const live = this.liveIndexes.find((candidate) => candidate.id === indexId);
    if (!live) return false;
    const keep = this.liveIndexes.map((candidate) => candidate.id);
    entry.worker.postMessage({ type: 'index', indexId, parts: masterIndexToParts(live.index), keep } satisfies WorkerRequest);
    for (const id of entry.indexIds) if (!keep.includes(id)) entry.indexIds.delete(id);
    entry.indexIds.add(indexId);
    return true;
  }

  private send(entry: PoolWorker, job: Job): void {
    if (!this.sendIndex(entry, job.request.indexId)) {
      job.reject(new Error('the master index of this match was replaced before the match ran'));
      return;
    }
    const optionsId = job.request.optionsId;
    if (entry.optionIds.has(optionsId)) {
      entry.inFlight.push(job);
      entry.worker.postMessage(job.request);
      return;
    }
    const options = this.optionsById.get(optionsId);
    if (!options) {
      job.reject(new Error('the options of this match were forgotten before the match ran'));
      return;
    }
    entry.inFlight.push(job);
    entry.worker.postMessage({ ...job.request, options } satisfies WorkerRequest);
    // Forgotten by the same rule as matchWorker.ts forgets them: both keep the same sets.
    if (entry.optionIds.size >= maxOptionsPerWorker) entry.optionIds.clear();
    entry.optionIds.add(optionsId);
  }

  private startWorker(): PoolWorker {
    const worker = startTsWorker(new URL('./matchWorker.ts', import.meta.url));
    // Idle workers do not keep the process alive.
    worker.unref();
    const entry: PoolWorker = { worker, inFlight: [], indexIds: new Set(), optionIds: new Set() };
    worker.on('message', (reply: WorkerReply) => {
      const at = entry.inFlight.findIndex((candidate) => candidate.jobId === reply.jobId);
      const job = at >= 0 ? entry.inFlight.splice(at, 1)[0] : undefined;
      if (job) {
        if (reply.type === 'result') job.resolve(reply.results);
        else if (reply.type === 'encoded') job.resolve(decodeResults(reply.encoded, recordRowIds(job.request.records)));
        else job.reject(new Error(`match worker failed: ${reply.message}`));
      }
      this.dispatch();
    });
    const fail = (error: Error): void => {
      const index = this.workers.indexOf(entry);
      if (index >= 0) this.workers.splice(index, 1);
      for (const job of entry.inFlight.splice(0)) job.reject(error);
      if (!this.isClosed) this.dispatch();
    };
    worker.on('error', (error: unknown) => fail(error instanceof Error ? error : new Error(String(error))));
    worker.on('exit', (code) => fail(new Error(`match worker exited (code ${code})`)));
    this.workers.push(entry);
    return entry;
  }
}

let sharedPool: MatchWorkerPool | undefined;

/** The process's pool, started on first use (its threads are started as work arrives). */
export function getMatchWorkerPool(): MatchWorkerPool {
  sharedPool ??= new MatchWorkerPool();
  return sharedPool;
}

export async function closeMatchWorkerPool(): Promise<void> {
  const pool = sharedPool;
  sharedPool = undefined;
  await pool?.close();
}
