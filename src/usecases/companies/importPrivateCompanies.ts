import type { UseCaseDeps } from '../deps';
import { importCompanies, type ImportCompaniesOutput } from './importCompanies';
import { parseCompaniesCsv, withCsvErrorsAsAppErrors } from './parseCompaniesCsv';

/** An organisation imports its private companies (CSV text); rows a master company already covers are refused. */
export async function importPrivateCompanies({ orgId, input }: { orgId: string; input: { csv: string } }, deps: Pick<UseCaseDeps, 'db'>): Promise<ImportCompaniesOutput> {
  return withCsvErrorsAsAppErrors(() => importCompanies({ chunks: parseCompaniesCsv(input.csv), orgId }, deps));
}
