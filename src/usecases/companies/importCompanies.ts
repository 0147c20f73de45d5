import type { Db } from '../../adapters/db/database';
import { upsertCompanies } from '../../adapters/db/repositories/companies';
import { toCompanyRecord, type CompanyRecord } from '../../domain/matching/companyRecord';
import type { CsvRecord } from '../../domain/matching/csv';
import { CsvFormatError } from '../../domain/matching/csv';

export interface RejectedCompanyRow {
  line: number;
  reason: string;
}

export interface ImportCompaniesOutput {
  /** Rows inserted or updated (upsert by company id: importing the same file again is harmless). */
  upserted: number;
  rejected: RejectedCompanyRow[];
}

const flushSize = 5000;

/**
 * Imports master companies from CSV records (the first record is the header), streaming: rows are validated and
 * upserted in batches as they arrive, so a file of millions of rows never sits in memory. Bad rows are reported
 * with their line and reason and skipped; the good rows are stored.
 */
export async function importCompanies(input: { chunks: AsyncIterable<CsvRecord[]> }, deps: { db: Db }): Promise<ImportCompaniesOutput> {
  let header: string[] | undefined;
  let pending: CompanyRecord[] = [];
  const rejected: RejectedCompanyRow[] = [];
  let upserted = 0;
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    // Each batch is one transaction: a failure never leaves half a batch written.
    await deps.db.transaction((tx) => upsertCompanies(tx, batch));
    upserted += batch.length;
  };
  for await (const chunk of input.chunks) {
    for (const record of chunk) {
      if (!header) {
        header = record.fields;
        if (!header.some((column) => /^(company_?id|id)$/i.test(column.trim())) || !header.some((column) => /^(name|company_?name)$/i.test(column.trim()))) {
          throw new CsvFormatError(`the header must name at least company_id and name columns (found: ${header.join(', ')})`, record.line);
        }
        continue;
      }
      const result = toCompanyRecord(header, record.fields);
      if (result.isValid) pending.push(result.company);
      else rejected.push({ line: record.line, reason: result.reason });
      if (pending.length >= flushSize) await flush();
    }
  }
  if (!header) throw new CsvFormatError('the file is empty (expected a header such as company_id,name,domain,country)', 1);
  await flush();
  return { upserted, rejected };
}
