// The master index built from MASTER.csv on every core: the file is read once into shared memory, cut into byte
// ranges at line ends outside quoted fields, and each thread (this one included) parses and normalises its range
// into a part; the parts are merged in file order into exactly the index a streamed build gives.
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { createCsvParser, CsvFormatError, parseCsv } from '../../domain/matching/csv';
import { addMasterCsvBytes, addMasterCsvRecord, masterCsvColumns, type MasterCsvColumns } from '../../domain/matching/masterCsvRows';
import { MasterIndexBuilder, type MasterIndex, type MasterIndexPart } from '../../domain/matching/masterIndex';
import { mergeMasterIndexParts } from '../../domain/matching/mergeMasterIndexParts';
import { startTsWorker } from './tsWorker';

/** Smaller files are streamed in-thread: starting threads would cost more than it saves. */
export const parallelBuildMinBytes = 8 << 20;

export interface IndexBuildRequest {
  file: SharedArrayBuffer;
  start: number;
  end: number;
  columns: { companyId: number; name: number; domain: number; country: number; coreColumns: number[] };
}

export type IndexBuildReply = { type: 'part'; part: MasterIndexPart } | { type: 'csvError'; detail: string; line: number } | { type: 'error'; message: string };

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
  const fromBytes = new MasterIndexBuilder(expectedCount);
  if (addMasterCsvBytes(fromBytes, columns, bytes, request.start, request.end, (start, end, isAscii) => (isAscii ? bytes.latin1Slice(start, end) : bytes.utf8Slice(start, end)))) return fromBytes.takePart();
  const text = new TextDecoder().decode(new Uint8Array(request.file, request.start, request.end - request.start));
  const builder = new MasterIndexBuilder(expectedCount);
  const parser = createCsvParser();
  // Fed a megabyte at a time, as the streamed build is: the parsed records of the whole range never coexist.
  const sliceLength = 1 << 20;
  for (let start = 0; start < text.length; start += sliceLength) {
    for (const record of parser.push(text.slice(start, start + sliceLength))) addMasterCsvRecord(builder, columns, record);
  }
  for (const record of parser.end()) addMasterCsvRecord(builder, columns, record);
  return builder.takePart();
}

/** The buffers a part holds (moved, not copied, to the thread that merges). */
export function partBuffers(part: MasterIndexPart): ArrayBuffer[] {
  const buffers = [part.companyIdBytes, part.companyIdOffsets, part.nameWordStarts, part.nameWords, part.domainChecks, part.countries, part.completeness, part.keyHashes, part.keyCompanies].map((array) => array.buffer);
  return [...new Set(buffers)].filter((buffer): buffer is ArrayBuffer => buffer instanceof ArrayBuffer);
}

/** The index, or null when the file cannot be cut at line ends (no LF line breaks): then it is streamed. */
export async function buildMasterIndexInParallel(filePath: string, threads = availableParallelism()): Promise<MasterIndex | null> {
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
  const ranges = splitRanges(bytes, headerEnd, Math.max(1, threads));
  const request = (start: number, end: number): IndexBuildRequest => ({ file, start, end, columns: { companyId: columns.companyId, name: columns.name, domain: columns.domain, country: columns.country, coreColumns: [...columns.coreColumns] } });
  // The other ranges go to threads; this one parses the first while they start.
  const fromThreads = ranges.slice(1).map(([start, end]) => buildOnThread(request(start, end)));
  const errors: unknown[] = [];
  const settled = await Promise.allSettled([Promise.resolve().then(() => buildPart(request(ranges[0]?.[0] ?? headerEnd, ranges[0]?.[1] ?? headerEnd))), ...fromThreads]);
  const parts: MasterIndexPart[] = [];
  settled.forEach((result, position) => {
    if (result.status === 'fulfilled') parts.push(result.value);
    else errors.push(withFileLine(result.reason, bytes, ranges[position]?.[0] ?? 0, filePath));
  });
  if (errors.length > 0) throw errors[0];
  return mergeMasterIndexParts(parts);
}

function buildOnThread(request: IndexBuildRequest): Promise<MasterIndexPart> {
  return new Promise((resolve, reject) => {
    const worker = startTsWorker(new URL('./indexBuildWorker.ts', import.meta.url));
    let isDone = false;
    worker.once('message', (reply: IndexBuildReply) => {
      isDone = true;
      void worker.terminate();
      if (reply.type === 'part') resolve(reply.part);
      else if (reply.type === 'csvError') reject(new CsvFormatError(reply.detail, reply.line));
      else reject(new Error(`index build thread failed: ${reply.message}`));
    });
    worker.once('error', (error) => {
      if (!isDone) reject(error);
    });
    worker.once('exit', (code) => {
      if (!isDone) reject(new Error(`index build thread exited (code ${code})`));
    });
    worker.postMessage(request);
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
