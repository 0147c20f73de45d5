import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { CliError } from '../cliError';

export interface MatchOptions {
  master?: string;
  indexSnapshot?: string;
  input: string;
  output: string;
  stats?: boolean;
}

/**
 * `openabm match --master MASTER.csv --input ACCOUNTS.csv --output RESULTS.csv [--stats]`: a stable contract for
 * scripts and benchmarks. Without --master the database's master companies are used.
 */
export function registerMatch(program: Command): void {
  program
    .command('match')
    .description('Match account records (CSV) to master companies and write row_id,status,company_id,score,reason')
    .option('--master <file>', 'master companies CSV (company_id,name,domain,country,…); default: the database')
    .requiredOption('--input <file>', 'account records CSV (row_id/id, name/account name/company, domain/website/url/email, country/billing country)')
    .requiredOption('--output <file>', 'results CSV to write')
    .option('--stats', 'print one JSON line of counts and timings on stderr')
    .option('--index-snapshot <file>', 'with --master: reuse this saved index when it is newer than the master file, else build and save it')
    .action(async (options: MatchOptions) => {
      for (const file of [options.master, options.input]) {
        if (file !== undefined && !existsSync(file)) throw new CliError(`file not found: ${file}`);
      }
      // Loaded here, not at the top: the matching engine, the database and the progress bar are paid by this command only.
      const { runMatch } = await import('./matchRun');
      await runMatch(options);
    });
}
