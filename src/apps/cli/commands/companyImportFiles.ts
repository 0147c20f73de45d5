// Reading the files of `openabm companies import`: text that must be UTF-8 (a Latin-1 or Windows-1252 export is
// refused with where, instead of its accented names turning into U+FFFD in the master), and a look at the file's
// start when it does not fit the --format given, so the error can say which format the file looks like.
import { createReadStream, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createCsvParser, CsvFormatError, parseCsv, type CsvRecord } from '../../../domain/matching/csv';
import type { ProgressListener } from './matchFiles';

/** The file is not UTF-8 text: nothing of it is imported. */
export class FileEncodingError extends Error {}

const replacementCharacter = '\uFFFD';
/** U+FFFD written as UTF-8: a file may hold the character itself (a conversion that went wrong earlier). */
const encodedReplacement = Buffer.from(replacementCharacter, 'utf8');

/** The file's text chunk by chunk (never whole), refusing bytes that are not UTF-8 with the line they are on. */
export async function* readUtf8Chunks(file: string, onProgress: ProgressListener | undefined): AsyncGenerator<string> {
  const totalBytes = statSync(file).size;
  const decoder = new TextDecoder('utf-8');
  let bytesRead = 0;
  let line = 1;
  for await (const bytes of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    if (bytesRead === 0) refuseNonText(bytes);
    bytesRead += bytes.length;
    const text = decoder.decode(bytes, { stream: true });
    // Invalid bytes decode to U+FFFD; the check is one native search per chunk.
    if (text.includes(replacementCharacter) && countInText(text, replacementCharacter) > countInBytes(bytes, encodedReplacement)) throw notUtf8(line + linesBefore(text, text.indexOf(replacementCharacter)));
    line += linesBefore(text, text.length);
    onProgress?.(Math.min(bytesRead, totalBytes), totalBytes);
    yield text;
  }
  const rest = decoder.decode();
  if (rest.includes(replacementCharacter)) throw notUtf8(line);
  if (rest) yield rest;
}

/** The file's CSV records chunk by chunk (readUtf8Chunks; a CSV error names the file). */
export async function* readUtf8CsvChunks(file: string, onProgress: ProgressListener | undefined): AsyncGenerator<CsvRecord[]> {
  const parser = createCsvParser();
  try {
    for await (const text of readUtf8Chunks(file, onProgress)) {
      const records = parser.push(text);
      if (records.length > 0) yield records;
    }
    const last = parser.end();
    if (last.length > 0) yield last;
  } catch (error) {
    if (error instanceof CsvFormatError && !error.filePath) throw error.inFile(file);
    throw error;
  }
}

/** Files that are not text at all, or UTF-16, named by their first bytes. */
function refuseNonText(start: Buffer): void {
  if (start.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    throw new FileEncodingError('the file is a ZIP archive (the GLEIF golden copy downloads as .csv.zip): unzip it and import the .csv inside');
  }
  if (start[0] === 0x1f && start[1] === 0x8b) throw new FileEncodingError('the file is gzip-compressed: decompress it (gunzip) and import the file inside');
  if ((start[0] === 0xff && start[1] === 0xfe) || (start[0] === 0xfe && start[1] === 0xff)) {
    throw new FileEncodingError(`the file is UTF-16 text (as Excel's "Unicode Text" saves it), not UTF-8: save it as "CSV UTF-8" (or convert it: iconv -f utf-16 -t utf-8 FILE > FILE.utf8.csv) and import that`);
  }
}

function notUtf8(line: number): FileEncodingError {
  return new FileEncodingError(
    `line ${line} has bytes that are not UTF-8 text (the file is probably Latin-1 or Windows-1252): save it as UTF-8 (for example: iconv -f windows-1252 -t utf-8 FILE > FILE.utf8.csv) and import that`,
  );
}

function countInText(text: string, character: string): number {
  let count = 0;
  for (let at = text.indexOf(character); at >= 0; at = text.indexOf(character, at + 1)) count++;
  return count;
}

function countInBytes(bytes: Buffer, sequence: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf(sequence); at >= 0; at = bytes.indexOf(sequence, at + sequence.length)) count++;
  return count;
}

function linesBefore(text: string, end: number): number {
  let lines = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < end; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

export type CompanyFileFormat = 'csv' | 'gleif' | 'sec' | 'wikidata';

const formatNames: Record<CompanyFileFormat, string> = {
  csv: 'a company CSV (company_id,name,…)',
  gleif: 'a GLEIF LEI golden-copy CSV',
  sec: 'a JSON file (SEC company_tickers.json?)',
  wikidata: 'a Wikidata export (qid,name,…)',
};

/**
 * What the file's start says it is, for an error on a file that does not fit its --format: "it looks like …: use
 * --format …", or that it is not comma-separated. Undefined when nothing is recognised (or it fits `given`).
 */
export async function formatHint(file: string, given: CompanyFileFormat): Promise<string | undefined> {
  const handle = await open(file, 'r');
  let head: string;
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    head = buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
  } finally {
    await handle.close();
  }
  const guessed = guessFormat(head);
  if (guessed && guessed !== given) return `it looks like ${formatNames[guessed]}: use --format ${guessed}`;
  if (guessed === undefined && given !== 'sec') {
    const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
    const separator = [';', '\t', '|'].find((candidate) => !firstLine.includes(',') && firstLine.includes(candidate));
    if (separator) return `its columns are separated by ${separator === '\t' ? 'tabs' : `"${separator}"`}: save it comma-separated`;
  }
  return undefined;
}

export function guessFormat(head: string): CompanyFileFormat | undefined {
  const start = head.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'sec';
  const firstLine = start.split(/\r?\n/, 1)[0] ?? '';
  let header: string[];
  try {
    header = (parseCsv(firstLine)[0]?.fields ?? []).map((field) => field.trim().toLowerCase());
  } catch {
    return undefined;
  }
  const has = (...names: string[]) => names.some((name) => header.includes(name));
  if (has('lei') && has('entity.legalname')) return 'gleif';
  if (has('qid', 'item') && has('name', 'itemlabel')) return 'wikidata';
  if (has('company_id') && has('name')) return 'csv';
  return undefined;
}
