import type { Command } from 'commander';
import { CliError } from '../cliError';
import { waitForShutdown } from '../shutdown';

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('Run job workers only, on the PostgreSQL server of DATABASE_URL (start several to scale out)')
    .action(async () => {
      const { loadConfig } = await import('../../config');
      const config = loadConfig();
      if (!config.databaseUrl) {
        throw new CliError('openabm worker needs DATABASE_URL: separate workers share a PostgreSQL server. With the embedded database, `openabm start` already runs the workers in-process.', 2);
      }
      // Loaded here, not at the top: the whole application (~2 s of imports) is paid by this command only, not by
      // every other command of the CLI.
      const { startOpenabm } = await import('../../runtime');
      const running = await startOpenabm({ config, mode: 'worker', isSeedingDemo: false });
      process.stdout.write(`openabm worker running (concurrency ${config.workerConcurrency}, per organisation ${config.orgConcurrency}). Press Ctrl+C to stop.\n`);
      await waitForShutdown(running.close);
    });
}
