import { Readable } from 'node:stream';
import { parse as parseCsv, CsvError } from 'csv-parse';
import ExcelJS from 'exceljs';
import { detectColumns, type ColumnDetection } from '../../domain/segments/detectColumns';
import { xlsxSizeProblem } from './xlsxLimits';

/** Accounts per uploaded file (crm-sync-segments.txt: lists must hold fewer than 25,000; uploads up to 25,000). */
export const MAX_UPLOAD_ROWS = 25_000;
const MAX_COLUMNS = 200;
const MAX_CELL_CHARS = 2_000;

export class UploadFormatError extends Error {
  override readonly name = 'UploadFormatError';
  constructor(
    message: string,
    /** 1-based line (CSV) or row (XLSX) number, when the problem has one. */
    readonly line: number | undefined,
  ) {
    super(line === undefined ? message : `Line ${line}: ${message}`);
  }
}

export interface ParsedAccountFile {
  headers: string[];
  /** Data lines with their line number in the file (header = line 1), blank lines skipped. */
  lines: Array<{ lineNumber: number; cells: string[] }>;
  detection: ColumnDetection;
}

export type UploadProgress = (rowsRead: number) => void;

export function fileKindOf(fileName: string): 'csv' | 'xlsx' | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return undefined;
}

/** Parses an uploaded CSV or XLSX file as a stream, row by row; throws UploadFormatError with the line. */
export async function parseAccountFile(fileName: string, content: Buffer, onProgress?: UploadProgress): Promise<ParsedAccountFile> {
  const kind = fileKindOf(fileName);
  if (!kind) throw new UploadFormatError(`"${fileName}" is neither a CSV (.csv) nor an Excel (.xlsx) file.`, undefined);
  if (content.length === 0) throw new UploadFormatError('The file is empty.', undefined);
  const collector = createCollector(onProgress);
  if (kind === 'csv') await readCsv(content, collector);
  else await readXlsx(content, collector);
  return collector.finish();
}

interface Collector {
  add(cells: string[], lineNumber: number): void;
  finish(): ParsedAccountFile;
}

function createCollector(onProgress: UploadProgress | undefined): Collector {
  let headers: string[] | undefined;
  const lines: ParsedAccountFile['lines'] = [];
  return {
    add(rawCells, lineNumber) {
      const cells = rawCells.map((cell) => cell.trim());
      if (cells.every((cell) => cell === '')) return;
      if (cells.length > MAX_COLUMNS) throw new UploadFormatError(`the row has ${cells.length} columns; at most ${MAX_COLUMNS} are read.`, lineNumber);
      if (cells.some((cell) => cell.length > MAX_CELL_CHARS)) throw new UploadFormatError(`a cell is longer than ${MAX_CELL_CHARS} characters.`, lineNumber);
      if (!headers) {
        headers = cells;
        return;
      }
      if (lines.length >= MAX_UPLOAD_ROWS) {
        throw new UploadFormatError(`the file has more than ${MAX_UPLOAD_ROWS.toLocaleString('en-US')} accounts; upload at most ${MAX_UPLOAD_ROWS.toLocaleString('en-US')} per list.`, lineNumber);
      }
      lines.push({ lineNumber, cells });
      if (lines.length % 1_000 === 0) onProgress?.(lines.length);
    },
    finish() {
      if (!headers) throw new UploadFormatError('The file is empty: expected a header row (e.g. "Name,Domain,Country") and one account per row.', undefined);
      if (lines.length === 0) throw new UploadFormatError('The file has a header but no accounts.', undefined);
      onProgress?.(lines.length);
      return { headers, lines, detection: detectColumns(headers, lines.slice(0, 50).map((line) => line.cells)) };
    },
  };
}

async function readCsv(content: Buffer, collector: Collector): Promise<void> {
  const delimiter = guessDelimiter(content.subarray(0, 4096).toString('utf8'));
  const parser = Readable.from([content]).pipe(parseCsv({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, info: true }));
  try {
    for await (const entry of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      collector.add(entry.record, entry.info.lines);
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new UploadFormatError(csvMessage(error), typeof line === 'number' ? line : undefined);
    }
    throw error;
  }
}

function csvMessage(error: CsvError): string {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return 'a quoted field is not closed (a " is missing).';
  if (error.code === 'CSV_INVALID_CLOSING_QUOTE') return 'a quote closes a field but more text follows it; double quotes inside a quoted field ("").';
  return error.message;
}

/** Comma unless the header line clearly uses semicolons or tabs (European Excel exports). */
function guessDelimiter(start: string): string {
  const firstLine = start.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const counts = { ',': 0, ';': 0, '\t': 0 };
  for (const ch of firstLine) if (ch in counts) counts[ch as keyof typeof counts]++;
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

async function readXlsx(content: Buffer, collector: Collector): Promise<void> {
  const sizeProblem = xlsxSizeProblem(content);
  if (sizeProblem !== undefined) throw new UploadFormatError(sizeProblem, undefined);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([content]), { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit' });
  try {
    for await (const worksheet of reader) {
      // The first sheet holds the list; the others are ignored.
      for await (const row of worksheet) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        collector.add(Array.from(values, cellText), row.number);
      }
      break;
    }
  } catch (error) {
    if (error instanceof UploadFormatError) throw error;
    throw new UploadFormatError(`the Excel file could not be read (${error instanceof Error ? error.message : String(error)}). Save it again as .xlsx or export it as CSV.`, undefined);
  }
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const cell = value as { text?: unknown; result?: unknown; richText?: Array<{ text: string }>; hyperlink?: unknown };
    if (Array.isArray(cell.richText)) return cell.richText.map((part) => part.text).join('');
    if (typeof cell.text === 'string') return cell.text;
    if (cell.result !== undefined) return cellText(cell.result);
    if (typeof cell.hyperlink === 'string') return cell.hyperlink;
  }
  return '';
}
