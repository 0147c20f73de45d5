import type { Db } from '../../adapters/db/database';
import { upsertCompanies } from '../../adapters/db/repositories/companies';
import { refreshPlannerStatistics } from '../../adapters/db/repositories/plannerStatistics';
import { findMasterCompaniesByDomainCountry } from '../../adapters/db/repositories/privateCompanies';
import { toCompanyRecord, type CompanyRecord } from '../../domain/matching/companyRecord';
import { otherDomainsColumn, otherNamesColumn, parseOtherNames } from '../../domain/matching/masterCsvRows';
import type { CsvRecord } from '../../domain/matching/csv';
import { CsvFormatError } from '../../domain/matching/csv';
import { privateCompanyId } from '../../domain/matching/privateCompanies';
import { isOpenDataCompanyId, writeCsvRowsOfOpenDataCompanies } from './openData/csvRowsOfOpenDataCompanies';

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

// The CSV master format's optional `other_names` column: its rule is the one the index built straight from a CSV
// file applies too (masterCsvRows.ts), so that a file the import refuses is not quietly read there.
export { maxOtherNames, parseOtherNames, type OtherNamesResult } from '../../domain/matching/masterCsvRows';

interface PendingRow {
  line: number;
  company: CompanyRecord;
}

/**
 * Imports companies from CSV records (the first record is the header), streaming: rows are validated and upserted
 * in batches as they arrive, so a file of millions of rows never sits in memory. Bad rows are reported with their
 * line and reason and skipped (a row is stored whole or not at all); the good rows are stored. An `other_names`
 * column gives the names a company also goes by (parseOtherNames), stored as the company's other names.
 *
 * Without `orgId` the rows go to the master database (the instance's: the CLI and the operator API only). With it
 * they become that organisation's private companies; a row with the domain and country of a master company is
 * refused with a pointer to it (one account per company per country). A master row whose company_id is an open
 * data company's (lei:…, cik:…, wikidata:Q…) is added to that company beside its data sets' records, keeping their
 * provenance and names (csvRowsOfOpenDataCompanies.ts); `file` and `importedAt` go into its provenance.
 */
export async function importCompanies(input: { chunks: AsyncIterable<CsvRecord[]>; orgId?: string; file?: string; importedAt?: Date }, deps: { db: Db }): Promise<ImportCompaniesOutput> {
  const orgId = input.orgId ?? null;
  const file = input.file ?? 'CSV upload';
  const importedAt = (input.importedAt ?? new Date()).toISOString();
  let header: string[] | undefined;
  let otherNamesAt = -1;
  let pending: PendingRow[] = [];
  const rejected: RejectedCompanyRow[] = [];
  let upserted = 0;
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    let batch = pending;
    pending = [];
    if (orgId) batch = await withoutMasterCompanies(deps.db, batch, rejected);
    // Each batch is one transaction: a failure never leaves half a batch written.
    await deps.db.transaction(async (tx) => {
      if (orgId) {
        await upsertCompanies(tx, batch.map((row) => ({ ...row.company, id: privateCompanyId(orgId, row.company.id) })), orgId);
        return;
      }
      await upsertCompanies(tx, batch.flatMap((row) => (isOpenDataCompanyId(row.company.id) ? [] : [row.company])));
      await writeCsvRowsOfOpenDataCompanies(tx, batch.flatMap((row) => (isOpenDataCompanyId(row.company.id) ? [row.company] : [])), file, importedAt);
    });
    upserted += batch.length;
  };
  for await (const chunk of input.chunks) {
    for (const record of chunk) {
      if (!header) {
        header = record.fields;
        if (!header.some((column) => /^(company_?id|id)$/i.test(column.trim())) || !header.some((column) => /^(name|company_?name)$/i.test(column.trim()))) {
          throw new CsvFormatError(`the header must name at least company_id and name columns (found: ${header.join(', ')})`, record.line);
        }
        otherNamesAt = otherNamesColumn(header, record.line);
        // Two other_domains columns are refused, as the index built from a CSV file refuses them.
        otherDomainsColumn(header, record.line);
        // The other columns are the company's (toCompanyRecord: unknown ones become firmographics).
        if (otherNamesAt >= 0) header = header.filter((_, position) => position !== otherNamesAt);
        continue;
      }
      const fields = otherNamesAt >= 0 ? record.fields.filter((_, position) => position !== otherNamesAt) : record.fields;
      const result = toCompanyRecord(header, fields);
      if (!result.isValid) {
        rejected.push({ line: record.line, reason: result.reason });
      } else if (otherNamesAt < 0) {
        pending.push({ line: record.line, company: result.company });
      } else {
        const otherNames = parseOtherNames(record.fields[otherNamesAt] ?? '', result.company.name);
        if (otherNames.isValid) pending.push({ line: record.line, company: { ...result.company, otherNames: otherNames.otherNames } });
        else rejected.push({ line: record.line, reason: otherNames.reason });
      }
      if (pending.length >= flushSize) await flush();
    }
  }
  if (!header) throw new CsvFormatError('the file is empty (expected a header such as company_id,name,domain,country)', 1);
  await flush();
  // PGlite has no autovacuum: without statistics the planner takes the companies table for a few rows.
  if (upserted > 0) await refreshPlannerStatistics(deps.db, 'companies');
  rejected.sort((a, b) => a.line - b.line);
  return { upserted, rejected };
}

/** Drops (and reports) private rows whose domain and country a master company already has. */
async function withoutMasterCompanies(db: Db, batch: PendingRow[], rejected: RejectedCompanyRow[]): Promise<PendingRow[]> {
  const pairs = batch.flatMap((row) => (row.company.domain ? [{ domain: row.company.domain, country: row.company.country }] : []));
  const masters = new Map((await findMasterCompaniesByDomainCountry(db, pairs)).map((master) => [`${master.domain}|${master.country ?? ''}`, master]));
  if (masters.size === 0) return batch;
  return batch.filter((row) => {
    const master = row.company.domain ? masters.get(`${row.company.domain}|${row.company.country ?? ''}`) : undefined;
    if (!master) return true;
    rejected.push({ line: row.line, reason: masterCollisionReason(master) });
    return false;
  });
}

export function masterCollisionReason(master: { id: string; name: string; domain: string; country: string | null }): string {
  return `${master.domain}${master.country ? ` (${master.country})` : ''} is already in the master company database as "${master.name}" (company id ${master.id}); your accounts match it there, so it is not added as a private company.`;
}
