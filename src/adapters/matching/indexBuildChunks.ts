// What one thread of the parallel master index build does (buildIndexInParallel.ts orchestrates it; this thread, and
// every build thread through indexBuildWorker.ts): takes ranges of MASTER.csv from a shared counter, reads each from
// the file into a buffer of its own, and parses and normalises it into a part of the index. Also the messages the
// threads exchange, and the file reading both sides share.
import { readSync } from 'node:fs';
import { createCsvParser, CsvFormatError } from '../../domain/matching/csv';
import { addMasterCsvBytes, addMasterCsvRecord, type MasterCsvColumns } from '../../domain/matching/masterCsvRows';
import { MasterIndexBuilder, type MasterIndexBuilderScratch, type MasterIndexPart } from '../../domain/matching/masterIndex';
import type { PartitionedKeys } from '../../domain/matching/masterIndexKeys';

/** The largest range a thread reads at once (buildIndexInParallel's ranges shrink from it): what its buffer holds. */
export const maxChunkBytes = 8 << 20;

export type IndexBuildColumns = { companyId: number; name: number; domain: number; country: number; otherNames: number; otherDomains: number; coreColumns: number[] };

/** Whole records in bytes [start, end) of `bytes` to build a part from. */
export interface IndexBuildRequest {
  bytes: Uint8Array;
  start: number;
  end: number;
  columns: IndexBuildColumns;
}

/**
 * What a build thread is sent: the file (a descriptor open in this process, which every thread can read), its ranges,
 * and the shared counter from which every thread takes the next range.
 */
export interface IndexBuildJob {
  fd: number;
  size: number;
  /**
   * Range k: with `isExact`, bytes [ranges[k][0], ranges[k][1]); else the records from the first line end at or after
   * ranges[k][0] (the first range: from ranges[0][0], the header's end) to the first line end at or after
   * ranges[k][1] (the last range: to the end of the file).
   */
  ranges: [number, number][];
  isExact: boolean;
  /** Int32Array(1): the next range to take (Atomics.add), so that a thread that is slower (or started later) takes fewer. */
  nextChunk: SharedArrayBuffer;
  columns: IndexBuildColumns;
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

/** Where a range's records turned out to be in the file: bytes [start, end), with `quotes` quote characters. */
export interface BuiltRange {
  chunk: number;
  start: number;
  end: number;
  quotes: number;
}

export type IndexBuildReply =
  | ({ type: 'part'; part: MasterIndexPart } & BuiltRange)
  | ({ type: 'csvError'; detail: string; line: number } & BuiltRange)
  | { type: 'error'; chunk: number; message: string }
  | { type: 'done' }
  | { type: 'sorted' };

/** Builds ranges until none is left, replying with each part or error (a thread goes on after an error: the earliest one in the file is reported). */
export function buildChunks(job: IndexBuildJob, reply: (message: IndexBuildReply) => void): void {
  const next = new Int32Array(job.nextChunk);
  const reader = new FileReader(job.fd, job.size);
  const scratch: MasterIndexBuilderScratch = {};
  for (let chunk = Atomics.add(next, 0, 1); chunk < job.ranges.length; chunk = Atomics.add(next, 0, 1)) {
    let range: BuiltRange | undefined;
    try {
      const read = readRange(reader, job, chunk);
      range = { chunk, start: read.fileStart + read.start, end: read.fileStart + read.end, quotes: countByte(read.bytes, quote, read.start, read.end) };
      reply({ type: 'part', ...range, part: buildPart({ bytes: read.bytes, start: read.start, end: read.end, columns: job.columns }, scratch) });
    } catch (error) {
      if (range && error instanceof CsvFormatError) reply({ type: 'csvError', ...range, detail: error.detail, line: error.line });
      else reply({ type: 'error', chunk, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  }
  reply({ type: 'done' });
}

/** Buffer's decoders without toString's argument checks (Node has them on every Buffer; its types leave them out). */
interface Slicing {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
}

/** Parses bytes [start, end) (whole records) into an index part; CsvFormatError lines count from `start`. */
export function buildPart(request: IndexBuildRequest, scratch?: MasterIndexBuilderScratch): MasterIndexPart {
  const columns: MasterCsvColumns = { ...request.columns, coreColumns: new Set(request.columns.coreColumns) };
  const expectedCount = Math.max(1024, Math.round((request.end - request.start) / 50));
  const bytes = Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength) as Buffer & Slicing;
  // Read from the bytes (only the core fields become strings); the text parser only for what that leaves to it.
  // (Decoding the range once and slicing fields from it cost as much CPU, the sliced names made normalising slower,
  // and the range strings, freed only by full collections, raised the peak RSS by ~50 MB.)
  const fromBytes = new MasterIndexBuilder(expectedCount, scratch);
  if (addMasterCsvBytes(fromBytes, columns, bytes, request.start, request.end, (start, end, isAscii) => (isAscii ? bytes.latin1Slice(start, end) : bytes.utf8Slice(start, end)))) return fromBytes.takePart('partitioned', sharedArray);
  const text = new TextDecoder().decode(bytes.subarray(request.start, request.end));
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
export function sharedArray(length: number): Uint32Array {
  return new Uint32Array(new SharedArrayBuffer(Math.max(1, length) * 4), 0, length);
}

/** The buffers a part holds (moved, not copied, to the thread that merges). */
export function partBuffers(part: MasterIndexPart): ArrayBuffer[] {
  const buffers = [part.rows, part.companyIdBytes, part.nameWords, part.keyHashes, part.keyCompanies, ...(part.keyBucketStarts ? [part.keyBucketStarts] : []), ...(part.primaryRows ? [part.primaryRows] : [])].map((array) => array.buffer);
  return [...new Set(buffers)].filter((buffer): buffer is ArrayBuffer => buffer instanceof ArrayBuffer);
}

export const quote = 34;
export const lineFeed = 10;

/**
 * Reads a file's bytes into one buffer of its own, reused from read to read: memory a thread has touched once costs
 * nothing more, where each megabyte of new memory costs ~2.7 ms of page faults here (reading the 100 MB file into a
 * new buffer: ~300 ms, into a reused one ~150 ms).
 */
export class FileReader {
  private buffer = Buffer.alloc(0);

  constructor(
    private readonly fd: number,
    readonly size: number,
  ) {}

  /** The file's bytes [from, min(to, size)), valid until the next read. */
  read(from: number, to: number): Buffer {
    const length = Math.max(0, Math.min(to, this.size) - from);
    if (this.buffer.length < length) this.buffer = Buffer.allocUnsafe(Math.max(length, Math.min(2 * this.buffer.length, maxChunkBytes + rangeSlackBytes)));
    let done = 0;
    while (done < length) {
      const read = readSync(this.fd, this.buffer, done, length - done, from + done);
      if (read === 0) throw new Error(`the file ended at byte ${from + done} of ${this.size} while it was read (was it changed meanwhile?)`);
      done += read;
    }
    return this.buffer.subarray(0, length);
  }
}

/** What a range's search for its last line end reads past its target at first (more, should a line be longer). */
const rangeSlackBytes = 64 << 10;

/** Range `chunk` of the job read from the file: its records are bytes [start, end) of `bytes`, which starts at file offset fileStart. */
function readRange(reader: FileReader, job: IndexBuildJob, chunk: number): { bytes: Buffer; fileStart: number; start: number; end: number } {
  const [from, to] = job.ranges[chunk] as [number, number];
  if (job.isExact) return { bytes: reader.read(from, to), fileStart: from, start: 0, end: to - from };
  const isFirst = chunk === 0;
  const isLast = chunk === job.ranges.length - 1;
  for (let readTo = isLast ? job.size : to + rangeSlackBytes; ; readTo = Math.min(job.size, to + 4 * (readTo - to))) {
    const bytes = reader.read(from, readTo);
    const start = isFirst ? 0 : bytes.indexOf(lineFeed) + 1;
    if (start === 0 && !isFirst) {
      // No line end at or after the target: the range is empty, the records there are the range before's.
      if (readTo >= job.size) return { bytes, fileStart: from, start: bytes.length, end: bytes.length };
      continue;
    }
    const end = isLast ? bytes.length : bytes.indexOf(lineFeed, Math.max(start - 1, to - from)) + 1;
    if (end > 0) return { bytes, fileStart: from, start, end };
    if (readTo >= job.size) return { bytes, fileStart: from, start, end: bytes.length };
  }
}

export function countByte(bytes: Uint8Array, byte: number, start: number, end: number): number {
  let count = 0;
  for (let at = bytes.indexOf(byte, start); at >= 0 && at < end; at = bytes.indexOf(byte, at + 1)) count++;
  return count;
}
