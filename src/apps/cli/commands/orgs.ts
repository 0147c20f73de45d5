import type { Command } from 'commander';
import type { Database } from '../../../adapters/db/database';
import { CliError } from '../cliError';

/** Opens the configured database, runs one use case, and turns its AppErrors into CLI errors. */
async function withDatabase<T>(run: (database: Database) => Promise<T>): Promise<T> {
  // Loaded here, not at the top: the configuration and the database (drizzle, PGlite, pg) are paid by the commands that use them only.
  const [{ loadConfig }, { openDatabase }, { AppError }] = await Promise.all([import('../../config'), import('../../../adapters/db/database'), import('../../../domain/appError')]);
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await run(database);
  } catch (error) {
    if (error instanceof AppError) throw new CliError(error.message, error.code === 'validation_failed' ? 2 : 1);
    throw error;
  } finally {
    await database.close();
  }
}

/** `openabm orgs create|list|deactivate`: the instance operator's organisation management. */
export function registerOrgs(program: Command): void {
  const orgs = program.command('orgs').description('Manage organisations (the instance operator’s work)');
  orgs
    .command('create')
    .description('Create an organisation and its first Primary Administrator; prints a one-time password')
    .requiredOption('--name <name>', 'organisation name')
    .requiredOption('--admin-email <email>', 'log-in e-mail of its Primary Administrator')
    .option('--admin-name <name>', 'display name of the administrator (default: the e-mail)')
    .action(async (options: { name: string; adminEmail: string; adminName?: string }) => {
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(options.adminEmail)) throw new CliError(`"${options.adminEmail}" is not an e-mail address.`, 2);
      const { createOrganization } = await import('../../../usecases/organizations/createOrganization');
      const result = await withDatabase((database) => createOrganization({ input: options }, { db: database.db }));
      process.stdout.write(
        [
          `Created organisation "${result.organization.name}" (${result.organization.id}).`,
          `Primary Administrator: ${result.admin.email}`,
          `One-time password:     ${result.oneTimePassword}`,
          '(shown only now; it must be changed at first log-in)',
          '',
        ].join('\n'),
      );
    });
  orgs
    .command('list')
    .description('List organisations')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const { listOrganizations } = await import('../../../usecases/organizations/listOrganizations');
      const { items } = await withDatabase((database) => listOrganizations({ db: database.db }));
      if (options.json) {
        process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
        return;
      }
      if (items.length === 0) {
        process.stdout.write('No organisations yet. Create one: openabm orgs create --name "Acme Inc" --admin-email admin@acme.example\n');
        return;
      }
      for (const org of items) {
        process.stdout.write(`${org.id}  ${org.isActive ? 'active     ' : 'deactivated'}  ${String(org.userCount).padStart(4)} users  ${org.name}${org.isDemo ? ' (demo)' : ''}\n`);
      }
    });
  orgs
    .command('deactivate')
    .argument('<orgId>', 'organisation id (see openabm orgs list)')
    .description('Deactivate an organisation: its users are logged out and refused, its API keys stop working')
    .action(async (orgId: string) => {
      if (!/^[0-9a-f-]{36}$/i.test(orgId)) throw new CliError(`"${orgId}" is not an organisation id (a UUID; see openabm orgs list).`, 2);
      const [{ deactivateOrganization }, { systemClock }] = await Promise.all([import('../../../usecases/organizations/deactivateOrganization'), import('../../../ports/clock')]);
      const { organization } = await withDatabase((database) => deactivateOrganization({ input: { orgId } }, { db: database.db, clock: systemClock }));
      process.stdout.write(`Deactivated "${organization.name}" (${organization.id}).\n`);
    });
}
