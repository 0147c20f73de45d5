import { AppError } from '../../domain/appError';
import { CsvFormatError, parseCsv, type CsvRecord } from '../../domain/matching/csv';

/** CSV text sent over the API, as one chunk for importCompanies; a malformed file is a validation error in words. */
export function parseCompaniesCsv(csv: string): AsyncIterable<CsvRecord[]> {
  let records: CsvRecord[];
  try {
    records = parseCsv(csv);
  } catch (error) {
    if (error instanceof CsvFormatError) throw new AppError('validation_failed', `The CSV could not be read: ${error.message}`);
    throw error;
  }
  return (async function* () {
    yield records;
  })();
}

/** importCompanies' own format errors (header, empty file) read the same way. */
export async function withCsvErrorsAsAppErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof CsvFormatError) throw new AppError('validation_failed', `The CSV could not be read: ${error.message}`);
    throw error;
  }
}
