import type { Command } from 'commander';
import { isRole, ROLES } from '../../../domain/permissions/roles';
import { CliError } from '../cliError';

export function registerUsers(program: Command): void {
  const users = program.command('users').description('Manage users');
  users
    .command('add')
    .description('Add a user and print a one-time password')
    .requiredOption('--email <email>', 'log-in e-mail')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--name <name>', 'display name (default: the e-mail)')
    .option('--org <orgId>', 'organisation id (default: the only organisation)')
    .action(async (options: { email: string; role: string; name?: string; org?: string }) => {
      if (!isRole(options.role)) throw new CliError(`Unknown role "${options.role}". Use one of: ${ROLES.join(', ')}.`, 2);
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(options.email)) throw new CliError(`"${options.email}" is not an e-mail address.`, 2);
      // Loaded here, not at the top: the database (drizzle, PGlite, pg) and the use case are paid by this command only.
      const [{ loadConfig }, { eq }, { openDatabase }, { organizations }, { AppError }, { addUser }] = await Promise.all([
        import('../../config'),
        import('drizzle-orm'),
        import('../../../adapters/db/database'),
        import('../../../adapters/db/schema/index'),
        import('../../../domain/appError'),
        import('../../../usecases/users/addUser'),
      ]);
      const config = loadConfig();
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const orgs = await database.db
          .select({ id: organizations.id, name: organizations.name })
          .from(organizations)
          .where(options.org ? eq(organizations.id, options.org) : undefined);
        if (orgs.length === 0) throw new CliError(options.org ? `No organisation with id ${options.org}.` : 'There is no organisation yet: create one with `openabm orgs create --name … --admin-email …`.');
        if (orgs.length > 1) throw new CliError(`There are ${orgs.length} organisations; choose one with --org:\n${orgs.map((o) => `  ${o.id}  ${o.name}`).join('\n')}`, 2);
        const org = orgs[0]!;
        const result = await addUser(
          { orgId: org.id, actor: undefined, input: { email: options.email, name: options.name ?? options.email, role: options.role } },
          { db: database.db },
        ).catch((error: unknown) => {
          if (error instanceof AppError) throw new CliError(error.message);
          throw error;
        });
        process.stdout.write(`Added ${result.user.email} (${result.user.role}) to ${org.name}.\nOne-time password: ${result.oneTimePassword}\n`);
      } finally {
        await database.close();
      }
    });
}
