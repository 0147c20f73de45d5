import { importCompanies as contract } from '../../../../contracts/companies';
import { AppError } from '../../../../domain/appError';
import { CsvFormatError, parseCsv } from '../../../../domain/matching/csv';
import { importCompanies } from '../../../../usecases/companies/importCompanies';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'companies.manage',
  handler: async ({ body, deps }) => {
    try {
      const records = parseCsv(body.csv);
      return await importCompanies({ chunks: (async function* () { yield records; })() }, deps);
    } catch (error) {
      if (error instanceof CsvFormatError) throw new AppError('validation_failed', `The CSV could not be read: ${error.message}`);
      throw error;
    }
  },
});
