import type { UseCaseDeps } from '../deps';
import { importCompanies, type ImportCompaniesOutput } from './importCompanies';
import { parseCompaniesCsv, withCsvErrorsAsAppErrors } from './parseCompaniesCsv';

/** The instance operator's import into the master company database (CSV text over the operator API). */
export async function importCompaniesCsv({ input }: { input: { csv: string } }, deps: Pick<UseCaseDeps, 'db'>): Promise<ImportCompaniesOutput> {
  return withCsvErrorsAsAppErrors(() => importCompanies({ chunks: parseCompaniesCsv(input.csv) }, deps));
}
