import type { Db } from '../../../adapters/db/database';
import { upsertCompanies } from '../../../adapters/db/repositories/companies';
import type { CompanyRecord } from '../../../domain/matching/companyRecord';
import type { CsvRecord } from '../../../domain/matching/csv';
import type { RejectedCompanyRow } from '../importCompanies';
import { gleifColumns, gleifCompany, OpenDataFormatError, secCompany, wikidataColumns, wikidataCompany, type OpenDataFormat, type OpenDataRowResult, type SecTickerEntry } from './openDataFormats';

export type OpenDataInput =
  | { format: 'gleif' | 'wikidata'; chunks: AsyncIterable<CsvRecord[]> }
  | { format: 'sec'; entries: AsyncIterable<{ key: string; entry: SecTickerEntry }[]> };

export interface ImportOpenDataOutput {
  format: OpenDataFormat;
  /** Companies inserted or updated (by their id in the data set: lei:…, cik:…, wikidata:Q…). */
  upserted: number;
  rejected: RejectedCompanyRow[];
}

const flushSize = 2000;

/**
 * Imports an open company data set into the master company database, streaming, in ONE transaction: a file that
 * turns out malformed halfway (or any failure) leaves the database as it was. Companies are keyed by their id in the
 * data set, so a re-import (next month's golden copy) updates them in place; each keeps its provenance. Rows that
 * cannot be a company (no LEI, an invalid one, no name) are skipped and reported with their line and reason.
 */
export async function importOpenData(input: OpenDataInput & { file: string; importedAt: Date }, deps: { db: Db }): Promise<ImportOpenDataOutput> {
  const importedAt = input.importedAt.toISOString();
  const rejected: RejectedCompanyRow[] = [];
  let upserted = 0;
  await deps.db.transaction(async (tx) => {
    let pending = new Map<string, CompanyRecord>();
    const flush = async (): Promise<void> => {
      if (pending.size === 0) return;
      const batch = [...pending.values()];
      pending = new Map();
      await upsertCompanies(tx, batch);
      upserted += batch.length;
    };
    const take = async (line: number, result: OpenDataRowResult): Promise<void> => {
      if (!result.isValid) {
        rejected.push({ line, reason: result.reason });
        return;
      }
      const earlier = pending.get(result.company.id);
      pending.set(result.company.id, earlier ? mergeRepeated(earlier, result.company) : result.company);
      if (pending.size >= flushSize) await flush();
    };
    if (input.format === 'sec') {
      let entryNumber = 0;
      // One company per CIK: the tickers of its share classes are gathered (entries of one CIK may be far apart).
      const byCik = new Map<string, { first: SecTickerEntry; tickers: string[]; line: number }>();
      for await (const entries of input.entries) {
        for (const { entry } of entries) {
          entryNumber++;
          const cik = typeof entry.cik_str === 'number' || typeof entry.cik_str === 'string' ? String(entry.cik_str).trim() : '';
          const seen = byCik.get(cik);
          if (seen && cik !== '') {
            if (typeof entry.ticker === 'string' && entry.ticker.trim()) seen.tickers.push(entry.ticker.trim());
            continue;
          }
          byCik.set(cik === '' ? `#${entryNumber}` : cik, { first: entry, tickers: [], line: entryNumber });
        }
      }
      for (const { first, tickers, line } of byCik.values()) await take(line, secCompany(first, tickers, input.file, importedAt));
    } else {
      let header: ReturnType<typeof gleifColumns> | ReturnType<typeof wikidataColumns> | undefined;
      for await (const chunk of input.chunks) {
        for (const record of chunk) {
          if (!header) {
            header = input.format === 'gleif' ? gleifColumns(record.fields) : wikidataColumns(record.fields);
            continue;
          }
          if (record.fields.length === 1 && (record.fields[0] ?? '').trim() === '') continue;
          const result = input.format === 'gleif' ? gleifCompany(header as ReturnType<typeof gleifColumns>, record.fields, input.file, importedAt) : wikidataCompany(header as ReturnType<typeof wikidataColumns>, record.fields, input.file, importedAt);
          await take(record.line, result);
        }
      }
      if (!header) throw new OpenDataFormatError(`the file is empty (expected a ${input.format === 'gleif' ? 'GLEIF golden-copy' : 'Wikidata export'} header)`);
    }
    await flush();
  });
  rejected.sort((a, b) => a.line - b.line);
  return { format: input.format, upserted, rejected };
}

/** A data set row repeated (a SPARQL export repeats an item per value of a many-valued property): the first value of each field wins. */
function mergeRepeated(first: CompanyRecord, later: CompanyRecord): CompanyRecord {
  return {
    ...first,
    domain: first.domain ?? later.domain,
    country: first.country ?? later.country,
    region: first.region ?? later.region,
    city: first.city ?? later.city,
    industry: first.industry ?? later.industry,
    employeeRange: first.employeeRange ?? later.employeeRange,
    firmographics: { ...later.firmographics, ...first.firmographics },
  };
}
