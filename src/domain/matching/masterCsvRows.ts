import { recogniseMasterColumns, type MasterColumns } from './accountColumns';
import { CsvFormatError, type CsvRecord } from './csv';
import type { MasterIndexBuilder } from './masterIndex';

/** The master file's columns, and which of them are the core ones (the others count towards completeness). */
export interface MasterCsvColumns extends MasterColumns {
  coreColumns: ReadonlySet<number>;
}

export function masterCsvColumns(header: readonly string[], line = 1): MasterCsvColumns {
  const found = recogniseMasterColumns(header, line);
  return { ...found, coreColumns: new Set([found.companyId, found.name, found.domain, found.country]) };
}

/** Adds one data row of MASTER.csv to the index (the same for the streamed and the parallel build). */
export function addMasterCsvRecord(builder: MasterIndexBuilder, columns: MasterCsvColumns, record: CsvRecord): void {
  const fields = record.fields;
  const companyId = (fields[columns.companyId] ?? '').trim();
  if (companyId.length === 0) throw new CsvFormatError('company_id is empty', record.line);
  let completeness = 0;
  for (let position = 0; position < fields.length; position++) {
    if (!columns.coreColumns.has(position) && isFilled(fields[position] ?? '')) completeness++;
  }
  builder.add({ companyId, name: fields[columns.name] ?? '', domain: fields[columns.domain] ?? '', country: fields[columns.country] ?? '', completeness });
}

/** A field with more than white space (a printable ASCII first character settles it without trimming). */
function isFilled(value: string): boolean {
  if (value.length === 0) return false;
  const first = value.charCodeAt(0);
  return (first > 32 && first < 127) || value.trim() !== '';
}
