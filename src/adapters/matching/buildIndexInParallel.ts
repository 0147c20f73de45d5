// The master index built from MASTER.csv on every core: the file is cut into byte ranges at line ends, each thread
// (this one included) reads the ranges it takes from the file into memory of its own, reused from range to range, and
// parses and normalises each into a part; the parts are merged in file order into exactly the index a streamed build
// gives. A cut is taken at the first line end after its target, and checked afterwards to lie outside quotes (an even
// number of quote characters before it); the ranges of a cut that does not (a quoted field with a line break) are
// rebuilt at the right cut.
import { open, type FileHandle } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { CsvFormatError, parseCsv } from '../../domain/matching/csv';
import { masterCsvColumns, type MasterCsvColumns } from '../../domain/matching/masterCsvRows';
import type { MasterIndex, MasterIndexPart } from '../../domain/matching/masterIndex';
import { sortedBucketStart, sortPartitionedBuckets, topBuckets, type PartitionedKeys } from '../../domain/matching/masterIndexKeys';
import { mergePartRows, partitionedKeysOf, withKeys } from '../../domain/matching/mergeMasterIndexParts';
import { withSingleThreadedScavenges } from './scavengeThreads';
import { buildChunks, countByte, FileReader, lineFeed, maxChunkBytes, quote, sharedArray, type BuiltRange, type IndexBuildColumns, type IndexBuildJob, type IndexBuildMessage, type IndexBuildReply, type IndexSortJob } from './indexBuildChunks';
import { startTsWorker } from './tsWorker';

/** Smaller files are streamed in-thread: starting threads would cost more than it saves. */
export const parallelBuildMinBytes = 8 << 20;


/**
 * The smallest range: ranges shrink as the file is taken (each 1/(2 × threads) of what is left, at most
 * maxChunkBytes), so that threads finish close together on small ones (1M companies, 2 threads: ~17 ranges, 8 MB to
 * 2 MB).
 */
const minChunkBytes = 2 << 20;
/** What is read first for the header. */
const headBytes = 1 << 20;

export interface ParallelBuildOptions {
  /** How many ranges of equal size to cut the file into (default: shrinking ranges, see minChunkBytes). */
  chunks?: number;
  /** False: this thread only merges, the other threads build every range (tests use it to exercise them). */
  isBuildingHere?: boolean;
}

/** The index, or null when the file has no line end in its first megabyte (no LF line breaks, or a huge header): then it is streamed. */
export async function buildMasterIndexInParallel(filePath: string, threads = availableParallelism(), options: ParallelBuildOptions = {}): Promise<MasterIndex | null> {
  const isBuildingHere = options.isBuildingHere ?? true;
  const count = Math.max(isBuildingHere ? 0 : 1, threads - (isBuildingHere ? 1 : 0));
  // Started first: a thread loads its modules while this one starts building.
  const workers = takePrestartedThreads(count) ?? Array.from({ length: count }, startBuildThread);
  let handle: FileHandle | undefined;
  try {
    handle = await open(filePath, 'r');
    const file = handle;
    // Every core runs a build thread: a parallel scavenge would wait for a helper thread that has no core (scavengeThreads.ts).
    return await withSingleThreadedScavenges(() => buildWith(workers, file, filePath, threads, isBuildingHere, options.chunks));
  } finally {
    // The threads first: one may still be reading the file after another failed.
    await Promise.all(workers.map((worker) => worker.terminate()));
    await handle?.close();
  }
}

function startBuildThread(): Worker {
  return startTsWorker(new URL('./indexBuildWorker.ts', import.meta.url));
}

let prestarted: Worker[] = [];

/**
 * Starts the build threads of a build that is about to come (`openabm match --master FILE`), so that they load
 * their modules (~0.6 s) while the process loads its own, instead of while this thread builds alone. They keep no
 * process alive until a build takes them.
 */
export function prestartIndexBuildThreads(threads = availableParallelism()): void {
  if (prestarted.length > 0 || threads < 2) return;
  prestarted = Array.from({ length: threads - 1 }, () => {
    const worker = startBuildThread();
    worker.unref();
    return worker;
  });
}

/** How many prestarted threads wait for a build. */
export function prestartedThreadCount(): number {
  return prestarted.length;
}

/** The prestarted threads when there are `count` of them (taken: a later build starts its own), else undefined. */
function takePrestartedThreads(count: number): Worker[] | undefined {
  const workers = prestarted;
  if (workers.length !== count || count === 0) return undefined;
  prestarted = [];
  for (const worker of workers) worker.ref();
  return workers;
}

/** What building the ranges of a job gave, range by range. */
interface BuiltRanges {
  ranges: (BuiltRange | undefined)[];
  parts: (MasterIndexPart | undefined)[];
  errors: (CsvFormatError | undefined)[];
}

async function buildWith(workers: readonly Worker[], handle: FileHandle, filePath: string, threads: number, isBuildingHere: boolean, chunkCount: number | undefined): Promise<MasterIndex | null> {
  const { size } = await handle.stat();
  const reader = new FileReader(handle.fd, size);
  const head = reader.read(0, headBytes);
  const headerEnd = recordEnd(head, 0);
  if (headerEnd >= head.length) return null;
  const columns = requestColumns(headerColumns(head, headerEnd, filePath));
  const targets = chunkCount === undefined ? shrinkingCuts(headerEnd, size, threads) : equalCuts(headerEnd, size, Math.max(1, chunkCount));
  const ranges = [headerEnd, ...targets].map((target, at): [number, number] => [target, targets[at] ?? size]);
  const job = { fd: handle.fd, size, columns };
  const built = await buildRanges(workers, isBuildingHere, { ...job, ranges, isExact: false });
  // A cut with an odd number of quotes before it fell inside a quoted field: the ranges on either side of it are
  // rebuilt at the right cuts (the first line end outside quotes), the others kept.
  if (!areCutsOutsideQuotes(built.ranges)) {
    const exact = exactRanges(reader, headerEnd, targets);
    const redo = exact.flatMap((range, chunk) => (built.ranges[chunk]?.start === range[0] && built.ranges[chunk]?.end === range[1] ? [] : [chunk]));
    const rebuilt = await buildRanges(workers, isBuildingHere, { ...job, ranges: redo.map((chunk) => exact[chunk] as [number, number]), isExact: true });
    redo.forEach((chunk, at) => {
      built.ranges[chunk] = rebuilt.ranges[at];
      built.parts[chunk] = rebuilt.parts[at];
      built.errors[chunk] = rebuilt.errors[at];
    });
  }
  // The earliest error in the file, its line counted from the file's start.
  const firstError = built.errors.findIndex((error) => error !== undefined);
  if (firstError >= 0) {
    const error = built.errors[firstError] as CsvFormatError;
    throw new CsvFormatError(error.detail, error.line + linesBefore(reader, built.ranges[firstError]?.start ?? 0), filePath);
  }
  return mergeParts(workers, built.parts.map((part, chunk) => {
    if (!part) throw new Error(`index build: range ${chunk} of ${built.parts.length} was not built`);
    return part;
  }));
}

/** Builds the job's ranges on the threads (and this one, `isBuildingHere`). */
async function buildRanges(workers: readonly Worker[], isBuildingHere: boolean, job: Omit<IndexBuildJob, 'nextChunk'>): Promise<BuiltRanges> {
  const built: BuiltRanges = { ranges: [], parts: [], errors: [] };
  let failure: Error | undefined;
  const onReply = (reply: IndexBuildReply): void => {
    if (reply.type === 'part' || reply.type === 'csvError') built.ranges[reply.chunk] = { chunk: reply.chunk, start: reply.start, end: reply.end, quotes: reply.quotes };
    if (reply.type === 'part') built.parts[reply.chunk] = reply.part;
    else if (reply.type === 'csvError') built.errors[reply.chunk] = new CsvFormatError(reply.detail, reply.line);
    else if (reply.type === 'error') failure ??= new Error(`index build thread failed: ${reply.message}`);
  };
  const fullJob: IndexBuildJob = { ...job, nextChunk: new SharedArrayBuffer(4) };
  const fromThreads = workers.map((worker) => buildOnThread(worker, fullJob, onReply));
  if (isBuildingHere) buildChunks(fullJob, onReply);
  await Promise.all(fromThreads);
  if (failure) throw failure;
  return built;
}

/** Whether every cut between ranges has an even number of quote characters before it (the header has an even number). */
function areCutsOutsideQuotes(ranges: readonly (BuiltRange | undefined)[]): boolean {
  let quotes = 0;
  for (const range of ranges) {
    if (!range || quotes % 2 !== 0) return false;
    quotes += range.quotes;
  }
  return true;
}

/** A scan of the file from the header's end reads this much at a time. */
const scanPieceBytes = 1 << 20;

/**
 * The ranges a cut at each target gives when taken at the first line end at or after it that has an even number of
 * quote characters before it (since the header's end, which has an even number): what the first line end after a
 * target was meant to be.
 */
function exactRanges(reader: FileReader, headerEnd: number, targets: readonly number[]): [number, number][] {
  const cuts = [headerEnd];
  let isQuoted = false;
  let target = 0;
  for (let pieceStart = headerEnd; pieceStart < reader.size && target < targets.length; pieceStart += scanPieceBytes) {
    const piece = reader.read(pieceStart, pieceStart + scanPieceBytes);
    let at = 0;
    while (target < targets.length) {
      const upTo = Math.min(piece.length, (targets[target] as number) - pieceStart);
      if (upTo > at) {
        if (countByte(piece, quote, at, upTo) % 2 !== 0) isQuoted = !isQuoted;
        at = upTo;
        if (at >= piece.length) break;
      }
      const lineEnd = piece.indexOf(lineFeed, at);
      const stop = lineEnd < 0 ? piece.length : lineEnd;
      if (countByte(piece, quote, at, stop) % 2 !== 0) isQuoted = !isQuoted;
      if (lineEnd < 0) break;
      if (isQuoted) {
        at = lineEnd + 1;
        continue;
      }
      // The next target may be before this line end too: its cut is the same (an empty range).
      cuts.push(pieceStart + lineEnd + 1);
      target++;
      at = lineEnd;
    }
  }
  while (cuts.length <= targets.length) cuts.push(reader.size);
  cuts.push(reader.size);
  return cuts.slice(1).map((end, at): [number, number] => [cuts[at] as number, end]);
}

/** Line ends in the file before `offset` (a range's lines counted from the file's start). */
function linesBefore(reader: FileReader, offset: number): number {
  let lines = 0;
  for (let pieceStart = 0; pieceStart < offset; pieceStart += scanPieceBytes) {
    const piece = reader.read(pieceStart, Math.min(offset, pieceStart + scanPieceBytes));
    lines += countByte(piece, lineFeed, 0, piece.length);
  }
  return lines;
}

/**
 * The index of the parts: their keys sorted by every thread, each its share of the buckets, into shared memory;
 * this one merges the rows meanwhile, and so sorts fewer keys.
 */
async function mergeParts(workers: readonly Worker[], built: MasterIndexPart[]): Promise<MasterIndex> {
  const partitioned = partitionedKeysOf(built);
  const keyCount = partitioned.reduce((sum, part) => sum + part.keyHashes.length, 0);
  const keys = { keyHashes: sharedArray(keyCount), keyCompanies: sharedArray(keyCount) };
  const rowCount = built.reduce((sum, part) => sum + part.count, 0);
  const shares = bucketShares(partitioned, keyCount, workers.length + 1, mergeCostInKeys * rowCount);
  const sortedThere = workers.map((worker, at) => sortOnThread(worker, { parts: partitioned, ...keys, fromBucket: shares[at + 1] ?? topBuckets, toBucket: shares[at + 2] ?? topBuckets }));
  sortPartitionedBuckets(partitioned, keys.keyHashes, keys.keyCompanies, 0, shares[1] ?? topBuckets);
  const rows = mergePartRows(built);
  await Promise.all(sortedThere);
  return withKeys(rows, keys);
}

/** The columns of the header record, bytes [0, headerEnd); a CsvFormatError names the file. */
function headerColumns(bytes: Buffer, headerEnd: number, filePath: string): MasterCsvColumns {
  const [header] = parseCsv(bytes.toString('utf8', 0, headerEnd));
  if (!header) throw new CsvFormatError('the file is empty (expected a header company_id,name,domain,country)', 1, filePath);
  try {
    return masterCsvColumns(header.fields, 1);
  } catch (error) {
    throw error instanceof CsvFormatError ? error.inFile(filePath) : error;
  }
}

function requestColumns(columns: MasterCsvColumns): IndexBuildColumns {
  return { companyId: columns.companyId, name: columns.name, domain: columns.domain, country: columns.country, otherNames: columns.otherNames, otherDomains: columns.otherDomains, coreColumns: [...columns.coreColumns] };
}

/**
 * What merging the rows of 1 company costs, in keys sorted (profiled at 1M companies: ~7.5M keys sorted in ~0.5 s
 * of CPU, the rows merged in ~0.18 s): the merging thread sorts that many keys fewer, so the threads finish together.
 */
const mergeCostInKeys = 2.5;

/**
 * Bucket boundaries [shares[i], shares[i + 1]) giving `count` threads about as much work each: the first thread
 * (this one, which also merges the rows: `mergeKeys` keys' worth of work) fewer keys, the others as many keys each.
 */
function bucketShares(parts: readonly PartitionedKeys[], keyCount: number, count: number, mergeKeys: number): number[] {
  const firstKeys = Math.max(0, Math.min(keyCount, (keyCount + mergeKeys) / count - mergeKeys));
  const boundary = (share: number): number => firstKeys + ((keyCount - firstKeys) * (share - 1)) / Math.max(1, count - 1);
  const shares = [0];
  for (let bucket = 0; bucket < topBuckets && shares.length < count; bucket++) {
    if (sortedBucketStart(parts, bucket + 1) >= boundary(shares.length)) shares.push(bucket + 1);
  }
  while (shares.length <= count) shares.push(topBuckets);
  return shares;
}

/** Resolves once the thread has sorted its share of the keys. */
function sortOnThread(worker: Worker, job: IndexSortJob): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: IndexBuildReply): void => {
      if (reply.type === 'sorted') {
        worker.off('message', onMessage);
        resolve();
      } else if (reply.type === 'error') {
        reject(new Error(`index build thread failed: ${reply.message}`));
      }
    };
    worker.on('message', onMessage);
    worker.once('exit', (code) => reject(new Error(`index build thread exited (code ${code})`)));
    const message: IndexBuildMessage = { type: 'sort', job };
    worker.postMessage(message);
  });
}

/** Resolves once the thread has built its last chunk (its replies go to onReply as they come). */
function buildOnThread(worker: Worker, job: IndexBuildJob, onReply: (reply: IndexBuildReply) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let isDone = false;
    const onMessage = (reply: IndexBuildReply): void => {
      if (reply.type === 'done') {
        isDone = true;
        worker.off('message', onMessage);
        resolve();
      } else {
        onReply(reply);
      }
    };
    worker.on('message', onMessage);
    worker.once('error', (error) => {
      if (!isDone) reject(error);
    });
    worker.once('exit', (code) => {
      if (!isDone) reject(new Error(`index build thread exited (code ${code})`));
    });
    const message: IndexBuildMessage = { type: 'build', job };
    worker.postMessage(message);
  });
}

/** The offset just past the line end that ends the record starting at `start` (a line end outside quotes). */
function recordEnd(bytes: Buffer, start: number): number {
  let isQuoted = false;
  for (let position = start; position < bytes.length; position++) {
    const byte = bytes[position];
    if (byte === 34) isQuoted = !isQuoted;
    else if (byte === 10 && !isQuoted) return position + 1;
  }
  return bytes.length;
}

/** `count` - 1 cut positions splitting [start, end) into equal ranges. */
function equalCuts(start: number, end: number, count: number): number[] {
  return Array.from({ length: count - 1 }, (_, range) => start + Math.floor(((end - start) * (range + 1)) / count));
}

/** Cut positions of shrinking ranges: each 1/(2 × threads) of what is left, at least minChunkBytes (a small file: a quarter of a thread's share), at most maxChunkBytes. */
function shrinkingCuts(start: number, end: number, threads: number): number[] {
  const smallest = Math.max(1, Math.min(minChunkBytes, Math.ceil((end - start) / (4 * threads))));
  const step = (position: number): number => Math.min(maxChunkBytes, Math.max(smallest, Math.ceil((end - position) / (2 * threads))));
  const cuts: number[] = [];
  for (let position = start + step(start); position < end - smallest / 2; position += step(position)) cuts.push(position);
  return cuts;
}
