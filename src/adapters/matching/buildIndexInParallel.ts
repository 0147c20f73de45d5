// The master index built from MASTER.csv on every core: the file is read once into shared memory, cut into byte
// ranges at line ends outside quoted fields, and each thread (this one included) parses and normalises its range
// into a part; the parts are merged in file order into exactly the index a streamed build gives.
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { createCsvParser, CsvFormatError, parseCsv } from '../../domain/matching/csv';
import { addMasterCsvBytes, addMasterCsvRecord, masterCsvColumns, type MasterCsvColumns } from '../../domain/matching/masterCsvRows';
import { MasterIndexBuilder, type MasterIndex, type MasterIndexPart } from '../../domain/matching/masterIndex';
import { mergeMasterIndexParts } from '../../domain/matching/mergeMasterIndexParts';
import { startTsWorker } from './tsWorker';

/** Smaller files are streamed in-thread: starting threads would cost more than it saves. */
export const parallelBuildMinBytes = 8 << 20;

/** One chunk of the file to build a part from: whole records in bytes [start, end). */
export interface IndexBuildRequest {
  file: SharedArrayBuffer;
  start: number;
  end: number;
  columns: { companyId: number; name: number; domain: number; country: number; otherNames: number; coreColumns: number[] };
}

/** What a build thread is sent: the file, its chunks, and the shared counter from which every thread takes the next chunk. */
export interface IndexBuildJob {
  file: SharedArrayBuffer;
  chunks: [number, number][];
  /** Int32Array(1): the next chunk to take (Atomics.add), so that a thread that is slower (or started later) takes fewer. */
  nextChunk: SharedArrayBuffer;
  columns: IndexBuildRequest['columns'];
}

export type IndexBuildReply = { type: 'part'; chunk: number; part: MasterIndexPart } | { type: 'csvError'; chunk: number; detail: string; line: number } | { type: 'error'; chunk: number; message: string } | { type: 'done' };

/** Builds chunks until none is left, replying with each part or error (a thread goes on after an error: the earliest one in the file is reported). */
export function buildChunks(job: IndexBuildJob, reply: (message: IndexBuildReply) => void): void {
  const next = new Int32Array(job.nextChunk);
  for (let chunk = Atomics.add(next, 0, 1); chunk < job.chunks.length; chunk = Atomics.add(next, 0, 1)) {
    const [start, end] = job.chunks[chunk] as [number, number];
    let part: MasterIndexPart;
    try {
      part = buildPart({ file: job.file, start, end, columns: job.columns });
    } catch (error) {
      reply(error instanceof CsvFormatError ? { type: 'csvError', chunk, detail: error.detail, line: error.line } : { type: 'error', chunk, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      continue;
    }
    reply({ type: 'part', chunk, part });
  }
  reply({ type: 'done' });
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
  // The range decoded once, byte for character: an ASCII field is a slice of it (a JIT-inlined copy or view, where
  // a decode per field was a call into C++ each, ~0.4 µs a row); fields with other bytes are decoded as UTF-8. The
  // builder copies what it keeps (StringStore bytes, its own word texts), so no slice keeps the range alive.
  const rangeText = bytes.latin1Slice(request.start, request.end);
  const base = request.start;
  const fromBytes = new MasterIndexBuilder(expectedCount);
  if (addMasterCsvBytes(fromBytes, columns, bytes, request.start, request.end, (start, end, isAscii) => (isAscii ? (end - start < 13 ? rangeText.slice(start - base, end - base) : bytes.latin1Slice(start, end)) : bytes.utf8Slice(start, end)))) return fromBytes.takePart('partitioned');
  const text = new TextDecoder().decode(new Uint8Array(request.file, request.start, request.end - request.start));
  const builder = new MasterIndexBuilder(expectedCount);
  const parser = createCsvParser();
  // Fed a megabyte at a time, as the streamed build is: the parsed records of the whole range never coexist.
  const sliceLength = 1 << 20;
  for (let start = 0; start < text.length; start += sliceLength) {
    for (const record of parser.push(text.slice(start, start + sliceLength))) addMasterCsvRecord(builder, columns, record);
  }
  for (const record of parser.end()) addMasterCsvRecord(builder, columns, record);
  return builder.takePart('partitioned');
}

/** The buffers a part holds (moved, not copied, to the thread that merges). */
export function partBuffers(part: MasterIndexPart): ArrayBuffer[] {
  const buffers = [part.companyIdBytes, part.companyIdOffsets, part.nameWordStarts, part.nameWords, part.domainChecks, part.countries, part.completeness, part.keyHashes, part.keyCompanies, ...(part.keyBucketStarts ? [part.keyBucketStarts] : []), ...(part.primaryRows ? [part.primaryRows] : [])].map((array) => array.buffer);
  return [...new Set(buffers)].filter((buffer): buffer is ArrayBuffer => buffer instanceof ArrayBuffer);
}

/**
 * Chunks of about this many bytes (at least one per thread): small enough that threads finish close together, few
 * enough that merging their sorted keys takes few passes (1M companies: 7 chunks, 3 passes).
 */
const chunkBytes = 16 << 20;

export interface ParallelBuildOptions {
  /** How many chunks to cut the file into (default: about one per 16 MB, at least one per thread). */
  chunks?: number;
  /** False: this thread only merges, the other threads build every chunk (tests use it to exercise them). */
  isBuildingHere?: boolean;
}

/** The index, or null when the file cannot be cut at line ends (no LF line breaks): then it is streamed. */
export async function buildMasterIndexInParallel(filePath: string, threads = availableParallelism(), options: ParallelBuildOptions = {}): Promise<MasterIndex | null> {
  const isBuildingHere = options.isBuildingHere ?? true;
  // Started first: a thread loads its modules while this one reads the file.
  const workers = Array.from({ length: Math.max(isBuildingHere ? 0 : 1, threads - (isBuildingHere ? 1 : 0)) }, () => startTsWorker(new URL('./indexBuildWorker.ts', import.meta.url)));
  try {
    return await buildWith(workers, filePath, threads, isBuildingHere, options.chunks);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

async function buildWith(workers: readonly Worker[], filePath: string, threads: number, isBuildingHere: boolean, chunkCount: number | undefined): Promise<MasterIndex | null> {
  const handle = await open(filePath, 'r');
  let file: SharedArrayBuffer;
  try {
    const { size } = await handle.stat();
    file = new SharedArrayBuffer(size);
    const view = new Uint8Array(file);
    let done = 0;
    while (done < size) {
      const { bytesRead } = await handle.read(view, done, size - done, done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
  } finally {
    await handle.close();
  }
  const bytes = Buffer.from(file);
  const headerEnd = recordEnd(bytes, 0);
  if (headerEnd >= bytes.length) return null;
  const [header] = parseCsv(bytes.toString('utf8', 0, headerEnd));
  if (!header) throw new CsvFormatError('the file is empty (expected a header company_id,name,domain,country)', 1, filePath);
  let columns: MasterCsvColumns;
  try {
    columns = masterCsvColumns(header.fields, 1);
  } catch (error) {
    throw error instanceof CsvFormatError ? error.inFile(filePath) : error;
  }
  const chunks = splitRanges(bytes, headerEnd, Math.max(1, chunkCount ?? Math.max(threads, Math.ceil(bytes.length / chunkBytes))));
  const job: IndexBuildJob = { file, chunks, nextChunk: new SharedArrayBuffer(4), columns: { companyId: columns.companyId, name: columns.name, domain: columns.domain, country: columns.country, otherNames: columns.otherNames, coreColumns: [...columns.coreColumns] } };
  const parts: (MasterIndexPart | undefined)[] = new Array(chunks.length);
  const errors: (unknown | undefined)[] = new Array(chunks.length);
  const onReply = (reply: IndexBuildReply): void => {
    if (reply.type === 'part') parts[reply.chunk] = reply.part;
    else if (reply.type === 'csvError') errors[reply.chunk] = new CsvFormatError(reply.detail, reply.line);
    else if (reply.type === 'error') errors[reply.chunk] = new Error(`index build thread failed: ${reply.message}`);
  };
  const fromThreads = workers.map((worker) => buildOnThread(worker, job, onReply));
  if (isBuildingHere) buildChunks(job, onReply);
  await Promise.all(fromThreads);
  const firstError = errors.findIndex((error) => error !== undefined);
  if (firstError >= 0) throw withFileLine(errors[firstError], bytes, chunks[firstError]?.[0] ?? 0, filePath);
  return mergeMasterIndexParts(parts.map((part, chunk) => {
    if (!part) throw new Error(`index build: chunk ${chunk} of ${chunks.length} was not built`);
    return part;
  }));
}

/** Resolves once the thread has built its last chunk (its replies go to onReply as they come). */
function buildOnThread(worker: Worker, job: IndexBuildJob, onReply: (reply: IndexBuildReply) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let isDone = false;
    worker.on('message', (reply: IndexBuildReply) => {
      if (reply.type === 'done') {
        isDone = true;
        resolve();
      } else {
        onReply(reply);
      }
    });
    worker.once('error', (error) => {
      if (!isDone) reject(error);
    });
    worker.once('exit', (code) => {
      if (!isDone) reject(new Error(`index build thread exited (code ${code})`));
    });
    worker.postMessage(job);
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

/**
 * `count` ranges of whole records after the header, about equal in bytes. A cut is a line end with an even number
 * of quote characters before it (since the header), i.e. not inside a quoted field; quotes are found with indexOf,
 * so the scan costs little when they are rare.
 */
function splitRanges(bytes: Buffer, dataStart: number, count: number): [number, number][] {
  const cuts = [dataStart];
  let quotePosition = bytes.indexOf(34, dataStart);
  let quotesBefore = 0;
  for (let range = 1; range < count; range++) {
    let cut = bytes.indexOf(10, Math.max(cuts[cuts.length - 1] ?? dataStart, dataStart + Math.floor(((bytes.length - dataStart) * range) / count)));
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
