import { existsSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { CliError } from '../cliError';

const formats = ['csv', 'gleif', 'sec', 'wikidata'] as const;
export type ImportFormat = (typeof formats)[number];

/** `openabm companies import [--format csv|gleif|sec|wikidata] FILE`: streaming, idempotent upsert of master companies by id, with a report of rejected rows. */
export function registerCompanies(program: Command): void {
  const companies = program.command('companies').description('Manage the master company database (the instance’s; organisations add private companies in Settings)');
  companies
    .command('import')
    .argument('<file>', 'the file to import (see --format)')
    .addOption(
      new Option(
        '--format <format>',
        'csv: company_id,name,domain,country (+ other_domains, region, city, industry, employee_range, revenue_range, other_names separated by "|", other columns kept as firmographics); gleif: the GLEIF LEI golden-copy CSV; sec: SEC EDGAR company_tickers.json; wikidata: a Wikidata export CSV (qid,name,website,country,industry,employees, optional lei,cik)',
      )
        .choices(formats)
        .default('csv'),
    )
    .description('Import (insert or update by id) master companies from a CSV file or an open data set (GLEIF, SEC EDGAR, Wikidata)')
    .action(async (file: string, options: { format: ImportFormat }) => {
      if (!existsSync(file)) throw new CliError(`file not found: ${file}`);
      const { importCompanyFile } = await import('./companiesImport');
      await importCompanyFile(file, options);
    });
}
