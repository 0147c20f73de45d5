import type { Command } from 'commander';
import { openDatabase } from '../../../adapters/db/database';
import { applyMigrations } from '../../../adapters/db/migrate';
import { loadConfig } from '../../config';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('Apply pending database migrations and exit (start also does this)')
    .action(async () => {
      const config = loadConfig();
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, migrate: false });
      try {
        const result = await applyMigrations(database);
        process.stdout.write(
          result.applied.length === 0
            ? `Database is up to date (${result.alreadyApplied} migrations).\n`
            : `Applied ${result.applied.length} migration(s): ${result.applied.join(', ')}\n`,
        );
      } finally {
        await database.close();
      }
    });
}
