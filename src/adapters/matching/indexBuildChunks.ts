// The build threads' side of the parallel master index build (buildIndexInParallel.ts), and this thread's when it
// builds chunks too: a chunk of MASTER.csv (whole records, in the shared file buffer) parsed and normalised into a part
// of the index. Kept apart from the thread starting and merging so that a build thread loads only what it runs.
import { createCsvParser, CsvFormatError } from '../../domain/matching/csv';
import { addMasterCsvBytes, addMasterCsvRecord, type MasterCsvColumns } from '../../domain/matching/masterCsvRows';
import { MasterIndexBuilder, type MasterIndexPart } from '../../domain/matching/masterIndex';
import type { PartitionedKeys } from '../../domain/matching/masterIndexKeys';

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
export function buildChunk(request: IndexBuildRequest, chunk: number, reply: (message: IndexBuildReply) => void): void {
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
export function sharedArray(length: number): Uint32Array {
  return new Uint32Array(new SharedArrayBuffer(Math.max(1, length) * 4), 0, length);
}

/** The buffers a part holds (moved, not copied, to the thread that merges). */
export function partBuffers(part: MasterIndexPart): ArrayBuffer[] {
  const buffers = [part.rows, part.companyIdBytes, part.nameWords, part.keyHashes, part.keyCompanies, ...(part.keyBucketStarts ? [part.keyBucketStarts] : []), ...(part.primaryRows ? [part.primaryRows] : [])].map((array) => array.buffer);
  return [...new Set(buffers)].filter((buffer): buffer is ArrayBuffer => buffer instanceof ArrayBuffer);
}
