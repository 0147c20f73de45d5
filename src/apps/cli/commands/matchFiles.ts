// File side of `openabm match` (and of the bench scripts): stream CSV files into the master index and account
// records, write RESULTS.csv. Parsing and matching themselves are pure (src/domain/matching).
import { createReadStream } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { recogniseAccountColumns } from '../../../domain/matching/accountColumns';
import { addMasterCsvRecord, masterCsvColumns, type MasterCsvColumns } from '../../../domain/matching/masterCsvRows';
import { buildMasterIndexInParallel, parallelBuildMinBytes } from '../../../adapters/matching/buildIndexInParallel';
import { createCsvParser, CsvFormatError, formatCsvField, type CsvRecord } from '../../../domain/matching/csv';
import { MasterIndexBuilder, type MasterIndex } from '../../../domain/matching/masterIndex';
import type { AccountInput, MatchResult } from '../../../domain/matching/types';

export type ProgressListener = (bytesRead: number, totalBytes: number) => void;

/** A CSV file's records, chunk by chunk as the file is read (back-pressured); errors name the file and line. */
export async function* readCsvChunks(filePath: string, onProgress?: ProgressListener): AsyncGenerator<CsvRecord[]> {
  const totalBytes = (await stat(filePath)).size;
  const parser = createCsvParser();
  let bytesRead = 0;
  try {
    const stream = createReadStream(filePath, { encoding: 'utf8', highWaterMark: 1 << 20 });
    for await (const chunk of stream as AsyncIterable<string>) {
      bytesRead += Buffer.byteLength(chunk);
      const records = parser.push(chunk);
      onProgress?.(Math.min(bytesRead, totalBytes), totalBytes);
      if (records.length > 0) yield records;
    }
    const last = parser.end();
    if (last.length > 0) yield last;
  } catch (error) {
    if (error instanceof CsvFormatError) throw error.inFile(filePath);
    throw error;
  }
}

export async function forEachCsvChunk(filePath: string, onRecords: (records: CsvRecord[]) => void, onProgress?: ProgressListener): Promise<void> {
  try {
    for await (const records of readCsvChunks(filePath, onProgress)) onRecords(records);
  } catch (error) {
    if (error instanceof CsvFormatError && !error.filePath) throw error.inFile(filePath);
    throw error;
  }
}

/** Builds the master index from MASTER.csv (company_id,name,domain,country, optional extra columns), streamed. */
export async function loadMasterFileStreamed(filePath: string, onProgress?: ProgressListener): Promise<MasterIndex> {
  const estimatedRows = Math.max(1024, Math.round((await stat(filePath)).size / 50));
  const builder = new MasterIndexBuilder(estimatedRows);
  let columns: MasterCsvColumns | undefined;
  await forEachCsvChunk(
    filePath,
    (records) => {
      for (const record of records) {
        if (!columns) columns = masterCsvColumns(record.fields, record.line);
        else addMasterCsvRecord(builder, columns, record);
      }
    },
    onProgress,
  );
  if (!columns) throw new CsvFormatError('the file is empty (expected a header company_id,name,domain,country)', 1, filePath);
  return builder.finish();
}

/**
 * Builds the master index from MASTER.csv: a large file is parsed and normalised on every core (parts merged into
 * the index the streamed build gives, identical), a small one streamed in-thread.
 */
export async function loadMasterFile(filePath: string, onProgress?: ProgressListener): Promise<MasterIndex> {
  const { size } = await stat(filePath);
  if (size < parallelBuildMinBytes || availableParallelism() < 2) return loadMasterFileStreamed(filePath, onProgress);
  const index = await buildMasterIndexInParallel(filePath);
  if (!index) return loadMasterFileStreamed(filePath, onProgress);
  onProgress?.(size, size);
  return index;
}

/** Reads ACCOUNTS.csv with any recognised header naming; rows without an id column get their row number (1 = first data row). */
export async function readAccountFile(filePath: string, onProgress?: ProgressListener): Promise<AccountInput[]> {
  const accounts: AccountInput[] = [];
  let columns: ReturnType<typeof recogniseAccountColumns> | undefined;
  await forEachCsvChunk(
    filePath,
    (records) => {
      for (const record of records) {
        if (!columns) {
          columns = recogniseAccountColumns(record.fields, record.line);
          continue;
        }
        const fields = record.fields;
        const field = (position: number): string => (position >= 0 ? (fields[position] ?? '').trim() : '');
        const rowId = field(columns.rowId) || String(accounts.length + 1);
        accounts.push({ rowId, name: field(columns.name), domain: field(columns.domain) || field(columns.email), country: field(columns.country) });
      }
    },
    onProgress,
  );
  if (!columns) throw new CsvFormatError('the file is empty (expected a header row such as row_id,name,domain,country)', 1, filePath);
  return accounts;
}

export function formatResultsCsv(results: readonly MatchResult[]): string {
  const lines = ['row_id,status,company_id,score,reason'];
  for (const result of results) {
    lines.push([formatCsvField(result.rowId), result.status, formatCsvField(result.companyId ?? ''), result.score === null ? '' : result.score.toFixed(3), result.reason ?? ''].join(','));
  }
  return `${lines.join('\n')}\n`;
}

export async function writeResultsFile(filePath: string, results: readonly MatchResult[]): Promise<void> {
  await writeFile(filePath, formatResultsCsv(results), 'utf8');
}
