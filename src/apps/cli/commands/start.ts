import type { Command } from 'commander';
import { ROLE_LABELS, ROLES } from '../../../domain/permissions/roles';
import { waitForShutdown } from '../shutdown';

/** Printed when the database holds no organisation (outside sandbox mode nothing is seeded). */
export const FIRST_ORGANISATION_HINT = [
  'There is no organisation yet. Create the first one and its primary administrator (a one-time password is printed):',
  '  npx openabm orgs create --name "Acme Inc" --admin-email admin@acme.example',
  'or, with OPENABM_OPERATOR_TOKEN set: POST /api/operator/organizations {"name", "adminEmail"} with Authorization: Bearer <token>.',
];

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('Start the API, the job workers and the web UI in one process (embedded PGlite unless DATABASE_URL is set)')
    .option('-p, --port <port>', 'HTTP port (default 3000, or OPENABM_PORT)')
    .addHelpText(
      'after',
      `
Environment:
  OPENABM_DATA_DIR    data directory for the embedded database (default ./.openabm)
  DATABASE_URL        postgres://… to run on a PostgreSQL server instead
  OPENABM_SANDBOX     true (default): provider emulators stand in for Salesforce, Dynamics, …
  OPENABM_SECRET_KEY  32-byte key (base64) encrypting tokens at rest; required when OPENABM_SANDBOX=false
  OPENABM_OPERATOR_TOKEN  bearer token of the instance operator API (/api/operator/…), 32+ characters`,
    )
    .action(async (options: { port?: string }) => {
      const { loadConfig } = await import('../../config');
      const config = loadConfig(undefined, { OPENABM_PORT: options.port });
      // Loaded here, not at the top: the whole application (~2 s of imports) is paid by this command only, not by
      // every other command of the CLI.
      const { startOpenabm } = await import('../../runtime');
      const running = await startOpenabm({ config, mode: 'all' });
      const lines = [
        '',
        `openabm is running at ${running.url}`,
        `  database: ${running.deps.database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`,
        `  mode:     ${config.isSandbox ? 'sandbox — provider emulators: ' + (Object.keys(running.deps.sandboxUrls).join(', ') || 'none') : 'production'}`,
        `  API docs: ${running.url}/api/docs`,
      ];
      if (running.deps.ceInboundSmtpPort !== undefined) lines.push(`  Conversational Email inbound SMTP (sandbox lead replies): 127.0.0.1:${running.deps.ceInboundSmtpPort}`);
      if (running.demo) {
        lines.push('', 'A demo organisation was created. Log in with any of these users:');
        for (const role of ROLES) lines.push(`  ${ROLE_LABELS[role].padEnd(22)} ${running.demo.emails[role]}`);
        lines.push(`  one-time password:     ${running.demo.password}`, '  (shown only now; each user chooses a new password at first log-in)');
      }
      if (running.hasNoOrganisation) lines.push('', ...FIRST_ORGANISATION_HINT);
      process.stdout.write(`${lines.join('\n')}\n\nPress Ctrl+C to stop.\n`);
      await waitForShutdown(running.close);
    });
}
