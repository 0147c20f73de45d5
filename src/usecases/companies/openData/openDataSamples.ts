import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '../../../adapters/db/database';
import { parseCsv } from '../../../domain/matching/csv';
import { importOpenData, type ImportOpenDataOutput } from './importOpenData';
import { readSecTickerEntries } from './readSecTickers';

/** For tests: the project's own small sample files of each open data format (testdata/), and importing them. */
const testdata = path.join(import.meta.dirname, 'testdata');

export const sample = (name: string): string => readFileSync(path.join(testdata, name), 'utf8');

export const sampleFiles = { gleif: 'gleif-golden-copy-sample.csv', sec: 'sec-company-tickers-sample.json', wikidata: 'wikidata-companies-sample.csv' } as const;

/** A CSV text as the one chunk of records the importers read. */
export async function* csvChunks(text: string) {
  yield parseCsv(text);
}

/** A text as the one chunk of text SEC's reader reads. */
export async function* textChunks(text: string) {
  yield text;
}

/** Imports `text` (the format's sample file when not given) as `file`, at `importedAt`. */
export function importSample(database: Database, format: 'gleif' | 'sec' | 'wikidata', options: { file: string; importedAt: Date; text?: string | undefined }): Promise<ImportOpenDataOutput> {
  const text = options.text ?? sample(sampleFiles[format]);
  const { file, importedAt } = options;
  if (format === 'sec') return importOpenData({ format, entries: readSecTickerEntries(textChunks(text)), file, importedAt }, { db: database.db });
  return importOpenData({ format, chunks: csvChunks(text), file, importedAt }, { db: database.db });
}
