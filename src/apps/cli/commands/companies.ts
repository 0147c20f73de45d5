import { existsSync } from 'node:fs';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { openDatabase } from '../../../adapters/db/database';
import { CsvFormatError } from '../../../domain/matching/csv';
import { importCompanies } from '../../../usecases/companies/importCompanies';
import { loadConfig } from '../../config';
import { CliError } from '../cliError';
import { readCsvChunks } from './matchFiles';

/** `openabm companies import FILE`: streaming, idempotent upsert of master companies by id, with a report of rejected rows. */
export function registerCompanies(program: Command): void {
  const companies = program.command('companies').description('Manage the master company database (the instance’s; organisations add private companies in Settings)');
  companies
    .command('import')
    .argument('<file>', 'CSV with company_id,name,domain,country (+ region, city, industry, employee_range, revenue_range, other columns kept as firmographics)')
    .description('Import (insert or update by company_id) master companies from a CSV file')
    .action(async (file: string) => {
      if (!existsSync(file)) throw new CliError(`file not found: ${file}`);
      const config = loadConfig();
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      const bar = process.stderr.isTTY ? new cliProgress.SingleBar({ format: 'Importing [{bar}] {percentage}% {value}/{total} bytes', stream: process.stderr, clearOnComplete: true }, cliProgress.Presets.shades_classic) : undefined;
      try {
        let isStarted = false;
        const result = await importCompanies(
          {
            chunks: readCsvChunks(file, (done, total) => {
              if (!bar) return;
              if (!isStarted) {
                bar.start(total, 0);
                isStarted = true;
              }
              bar.update(done);
            }),
          },
          { db: database.db },
        );
        bar?.stop();
        process.stdout.write(`Imported ${result.upserted} companies (inserted or updated); ${result.rejected.length} rows rejected.\n`);
        for (const rejection of result.rejected.slice(0, 100)) process.stdout.write(`  line ${rejection.line}: ${rejection.reason}\n`);
        if (result.rejected.length > 100) process.stdout.write(`  … and ${result.rejected.length - 100} more\n`);
      } catch (error) {
        bar?.stop();
        if (error instanceof CsvFormatError) throw new CliError(error.filePath ? error.message : error.inFile(file).message);
        throw error;
      } finally {
        await database.close();
      }
    });
}
