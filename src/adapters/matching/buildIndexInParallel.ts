// The master index built from MASTER.csv on every core: the file is read once into shared memory, cut into byte
// ranges at line ends outside quoted fields, and each thread (this one included) parses and normalises its range
// into a part; the parts are merged in file order into exactly the index a streamed build gives.
import { open, type FileHandle } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { createCsvParser, CsvFormatError, parseCsv } from '../../domain/matching/csv';
import { addMasterCsvBytes, addMasterCsvRecord, masterCsvColumns, type MasterCsvColumns } from '../../domain/matching/masterCsvRows';
import { MasterIndexBuilder, type MasterIndex, type MasterIndexPart } from '../../domain/matching/masterIndex';
import { sortedBucketStart, sortPartitionedBuckets, topBuckets, type PartitionedKeys } from '../../domain/matching/masterIndexKeys';
import { mergePartRows, partitionedKeysOf, withKeys } from '../../domain/matching/mergeMasterIndexParts';
import { withSingleThreadedScavenges } from './scavengeThreads';
import { startTsWorker } from './tsWorker';

/** Smaller files are streamed in-thread: starting threads would cost more than it saves. */
export const parallelBuildMinBytes = 8 << 20;

/** One chunk of the file to build a part from: whole records in bytes [start, end). */
export interface IndexBuildRequest {
  file: SharedArrayBuffer;
  start: number;
  end: number;
  columns: { companyId: number; name: number; domain: number; country: number; otherNames: number; otherDomains: number; coreColumns: number[] };
}

/** What a build thread is sent: the file, its chunks, and the shared counter from which every thread takes the next chunk. */
export interface IndexBuildJob {
  file: SharedArrayBuffer;
  chunks: [number, number][];
  /** Int32Array(1): the next chunk to take (Atomics.add), so that a thread that is slower (or started later) takes fewer. */
  nextChunk: SharedArrayBuffer;
  columns: IndexBuildRequest['columns'];
}

/** What a build thread is sent once every part is built: its share of the key buckets to sort (sortPartitionedBuckets) into the shared target. */
export interface IndexSortJob {
  parts: PartitionedKeys[];
  keyHashes: Uint32Array;
  keyCompanies: Uint32Array;
  fromBucket: number;
  toBucket: number;
}

export type IndexBuildMessage = { type: 'build'; job: IndexBuildJob } | { type: 'sort'; job: IndexSortJob };

export type IndexBuildReply = { type: 'part'; chunk: number; part: MasterIndexPart } | { type: 'csvError'; chunk: number; detail: string; line: number } | { type: 'error'; chunk: number; message: string } | { type: 'done' } | { type: 'sorted' };

/** Builds chunks until none is left, replying with each part or error (a thread goes on after an error: the earliest one in the file is reported). */
export function buildChunks(job: IndexBuildJob, reply: (message: IndexBuildReply) => void): void {
  const next = new Int32Array(job.nextChunk);
  for (let chunk = Atomics.add(next, 0, 1); chunk < job.chunks.length; chunk = Atomics.add(next, 0, 1)) {
    const [start, end] = job.chunks[chunk] as [number, number];
    buildChunk({ file: job.file, start, end, columns: job.columns }, chunk, reply);
  }
  reply({ type: 'done' });
}

/** Builds one chunk, replying with its part or its error. */
function buildChunk(request: IndexBuildRequest, chunk: number, reply: (message: IndexBuildReply) => void): void {
  let part: MasterIndexPart;
  try {
    part = buildPart(request);
  } catch (error) {
    reply(error instanceof CsvFormatError ? { type: 'csvError', chunk, detail: error.detail, line: error.line } : { type: 'error', chunk, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    return;
  }
  reply({ type: 'part', chunk, part });
}

/** Buffer's decoders without toString's argument checks (Node has them on every Buffer; its types leave them out). */
interface Slicing {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
}

/** Parses bytes [start, end) of the file (whole records) into an index part; CsvFormatError lines count from `start`. */
export function buildPart(request: IndexBuildRequest): MasterIndexPart {
  const columns: MasterCsvColumns = { ...request.columns, coreColumns: new Set(request.columns.coreColumns) };
  const expectedCount = Math.max(1024, Math.round((request.end - request.start) / 50));
  const bytes = Buffer.from(request.file) as Buffer & Slicing;
  // Read from the bytes (only the core fields become strings); the text parser only for what that leaves to it.
  // (Decoding the range once and slicing fields from it cost as much CPU, the sliced names made normalising slower,
  // and the range strings, freed only by full collections, raised the peak RSS by ~50 MB.)
  const fromBytes = new MasterIndexBuilder(expectedCount);
  if (addMasterCsvBytes(fromBytes, columns, bytes, request.start, request.end, (start, end, isAscii) => (isAscii ? bytes.latin1Slice(start, end) : bytes.utf8Slice(start, end)))) return fromBytes.takePart('partitioned', sharedArray);
  const text = new TextDecoder().decode(new Uint8Array(request.file, request.start, request.end - request.start));
  const builder = new MasterIndexBuilder(expectedCount);
  const parser = createCsvParser();
  // Fed a megabyte at a time, as the streamed build is: the parsed records of the whole range never coexist.
  const sliceLength = 1 << 20;
  for (let start = 0; start < text.length; start += sliceLength) {
    for (const record of parser.push(text.slice(start, start + sliceLength))) addMasterCsvRecord(builder, columns, record);
  }
  for (const record of parser.end()) addMasterCsvRecord(builder, columns, record);
  return builder.takePart('partitioned', sharedArray);
}

/** A part's keys live in shared memory: every thread sorts its share of the buckets of all parts (IndexSortJob). */
function sharedArray(length: number): Uint32Array {
  return new Uint32Array(new SharedArrayBuffer(Math.max(1, length) * 4), 0, length);
}

/** The buffers a part holds (moved, not copied, to the thread that merges). */
export function partBuffers(part: MasterIndexPart): ArrayBuffer[] {
  const buffers = [part.rows, part.companyIdBytes, part.nameWords, part.keyHashes, part.keyCompanies, ...(part.keyBucketStarts ? [part.keyBucketStarts] : []), ...(part.primaryRows ? [part.primaryRows] : [])].map((array) => array.buffer);
  return [...new Set(buffers)].filter((buffer): buffer is ArrayBuffer => buffer instanceof ArrayBuffer);
}

/**
 * The smallest chunk: chunks shrink as the file is taken (each 1/(2 × threads) of what is left), so that threads
 * start on large chunks and finish close together on small ones (1M companies, 2 threads: ~14 chunks, 25 MB to 2 MB).
 */
const minChunkBytes = 2 << 20;

export interface ParallelBuildOptions {
  /** How many chunks of equal size to cut the file into (default: shrinking chunks, see minChunkBytes). */
  chunks?: number;
  /** False: this thread only merges, the other threads build every chunk (tests use it to exercise them). */
  isBuildingHere?: boolean;
  /** The chunks this thread builds while the rest of the file is read (default earlyChunkBytes). */
  earlyChunkBytes?: number;
}

/**
 * Chunks built here while the rest of the file is read, until it is (then the other threads are sent the job): one
 * takes 60–120 ms, about what reading the rest of a 100 MB file takes, and the other threads take 0.2–0.3 s to start.
 */
const earlyChunkBytes = 1 << 20;
/** What is read before the rest: the most this thread builds while the rest is read. */
const earlyChunksRead = 8;

/** The index, or null when the file cannot be cut at line ends (no LF line breaks): then it is streamed. */
export async function buildMasterIndexInParallel(filePath: string, threads = availableParallelism(), options: ParallelBuildOptions = {}): Promise<MasterIndex | null> {
  const isBuildingHere = options.isBuildingHere ?? true;
  // Started first: a thread loads its modules while this one reads the file.
  const workers = Array.from({ length: Math.max(isBuildingHere ? 0 : 1, threads - (isBuildingHere ? 1 : 0)) }, () => startTsWorker(new URL('./indexBuildWorker.ts', import.meta.url)));
  try {
    // Every core runs a build thread: a parallel scavenge would wait for a helper thread that has no core (scavengeThreads.ts).
    return await withSingleThreadedScavenges(() => buildWith(workers, filePath, threads, isBuildingHere, options.chunks, options.earlyChunkBytes ?? earlyChunkBytes));
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

async function buildWith(workers: readonly Worker[], filePath: string, threads: number, isBuildingHere: boolean, chunkCount: number | undefined, earlyChunkBytes: number): Promise<MasterIndex | null> {
  const parts: (MasterIndexPart | undefined)[] = [];
  const errors: (unknown | undefined)[] = [];
  const onReply = (reply: IndexBuildReply): void => {
    if (reply.type === 'part') parts[reply.chunk] = reply.part;
    else if (reply.type === 'csvError') errors[reply.chunk] = new CsvFormatError(reply.detail, reply.line);
    else if (reply.type === 'error') errors[reply.chunk] = new Error(`index build thread failed: ${reply.message}`);
  };
  const handle = await open(filePath, 'r');
  let file: SharedArrayBuffer;
  let columns: MasterCsvColumns | null;
  const early: [number, number][] = [];
  try {
    const { size } = await handle.stat();
    file = new SharedArrayBuffer(size);
    const bytes = Buffer.from(file);
    // This thread builds chunks of the start of the file while the rest is read (and the other threads start): the
    // first ~150 ms of reading and ~50 ms of cutting were spent before any row was built.
    const isEarly = isBuildingHere && chunkCount === undefined && size >= 2 * earlyChunksRead * earlyChunkBytes;
    const headRead = await readInto(handle, bytes, 0, isEarly ? earlyChunksRead * earlyChunkBytes : size);
    const head = bytes.subarray(0, headRead);
    const headerEnd = recordEnd(head, 0);
    if (headerEnd >= head.length) {
      if (headRead === size) return null;
      columns = null;
    } else {
      columns = headerColumns(head, headerEnd, filePath);
    }
    const rest = readInto(handle, bytes, headRead, size);
    let isRestRead = false;
    void rest.finally(() => (isRestRead = true)).catch(() => undefined);
    for (let position = headerEnd; isEarly && columns && !isRestRead; ) {
      const [range] = splitRanges(head, position, [position + earlyChunkBytes]);
      if (!range || range[1] >= headRead) break;
      buildChunk({ file, start: range[0], end: range[1], columns: requestColumns(columns) }, early.length, onReply);
      early.push(range);
      if (errors.length > 0) break;
      position = range[1];
      // Lets the read's completion in.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await rest;
  } finally {
    await handle.close();
  }
  const bytes = Buffer.from(file);
  // The earliest error in the file: the rest need not be built.
  const earlyError = errors.findIndex((error) => error !== undefined);
  if (earlyError >= 0) throw withFileLine(errors[earlyError], bytes, early[earlyError]?.[0] ?? 0, filePath);
  const headerEnd = early[0]?.[0] ?? recordEnd(bytes, 0);
  if (headerEnd >= bytes.length) return null;
  columns ??= headerColumns(bytes, headerEnd, filePath);
  const dataStart = early[early.length - 1]?.[1] ?? headerEnd;
  const cuts = chunkCount === undefined ? shrinkingCuts(dataStart, bytes.length, threads) : equalCuts(dataStart, bytes.length, Math.max(1, chunkCount));
  const chunks = [...early, ...splitRanges(bytes, dataStart, cuts)];
  const nextChunk = new SharedArrayBuffer(4);
  new Int32Array(nextChunk)[0] = early.length;
  const job: IndexBuildJob = { file, chunks, nextChunk, columns: requestColumns(columns) };
  const fromThreads = workers.map((worker) => buildOnThread(worker, job, onReply));
  if (isBuildingHere) buildChunks(job, onReply);
  await Promise.all(fromThreads);
  const firstError = errors.findIndex((error) => error !== undefined);
  if (firstError >= 0) throw withFileLine(errors[firstError], bytes, chunks[firstError]?.[0] ?? 0, filePath);
  const built = chunks.map((_, chunk) => {
    const part = parts[chunk];
    if (!part) throw new Error(`index build: chunk ${chunk} of ${chunks.length} was not built`);
    return part;
  });
  // The keys sorted by every thread, each its share of the buckets, into shared memory; this one merges the rows
  // meanwhile, and so sorts fewer keys.
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

/** Reads bytes [from, to) of the file into `bytes`; the offset reached (the file's end, if it is shorter). */
async function readInto(handle: FileHandle, bytes: Buffer, from: number, to: number): Promise<number> {
  let done = from;
  while (done < to) {
    const { bytesRead } = await handle.read(bytes, done, to - done, done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done;
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

function requestColumns(columns: MasterCsvColumns): IndexBuildRequest['columns'] {
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

/** A CsvFormatError of a range, with its line counted from the start of the file. */
function withFileLine(error: unknown, bytes: Buffer, rangeStart: number, filePath: string): unknown {
  if (!(error instanceof CsvFormatError)) return error;
  let linesBefore = 0;
  for (let position = bytes.indexOf(10, 0); position >= 0 && position < rangeStart; position = bytes.indexOf(10, position + 1)) linesBefore++;
  return new CsvFormatError(error.detail, error.line + linesBefore, filePath);
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

/** Cut positions of shrinking ranges: each 1/(2 × threads) of what is left, at least minChunkBytes (a small file: a quarter of a thread's share). */
function shrinkingCuts(start: number, end: number, threads: number): number[] {
  const smallest = Math.max(1, Math.min(minChunkBytes, Math.ceil((end - start) / (4 * threads))));
  const cuts: number[] = [];
  for (let position = start + Math.max(smallest, Math.ceil((end - start) / (2 * threads))); position < end - smallest / 2; position += Math.max(smallest, Math.ceil((end - position) / (2 * threads)))) cuts.push(position);
  return cuts;
}

/**
 * Ranges of whole records after the header, cut at the first line end at or after each of `targets`. A cut is a
 * line end with an even number of quote characters before it (since the header), i.e. not inside a quoted field;
 * quotes are found with indexOf, so the scan costs little when they are rare.
 */
function splitRanges(bytes: Buffer, dataStart: number, targets: readonly number[]): [number, number][] {
  const cuts = [dataStart];
  let quotePosition = bytes.indexOf(34, dataStart);
  let quotesBefore = 0;
  for (const target of targets) {
    let cut = bytes.indexOf(10, Math.max(cuts[cuts.length - 1] ?? dataStart, target));
    while (cut >= 0) {
      while (quotePosition >= 0 && quotePosition < cut) {
        quotesBefore++;
        quotePosition = bytes.indexOf(34, quotePosition + 1);
      }
      if (quotesBefore % 2 === 0) break;
      cut = bytes.indexOf(10, cut + 1);
    }
    if (cut < 0) break;
    cuts.push(cut + 1);
  }
  cuts.push(bytes.length);
  const ranges: [number, number][] = [];
  for (let position = 1; position < cuts.length; position++) {
    const start = cuts[position - 1] ?? dataStart;
    const end = cuts[position] ?? bytes.length;
    if (end > start || ranges.length === 0) ranges.push([start, end]);
  }
  return ranges;
}
