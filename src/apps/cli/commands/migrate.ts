import type { Command } from 'commander';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('Apply pending database migrations and exit (start also does this)')
    .action(async () => {
      // Loaded here, not at the top: the database (drizzle, PGlite, pg) is paid by the commands that use it only.
      const [{ loadConfig }, { openDatabase }, { applyMigrations }] = await Promise.all([import('../../config'), import('../../../adapters/db/database'), import('../../../adapters/db/migrate')]);
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
