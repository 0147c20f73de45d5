import type { Command } from 'commander';
import type { InboundSmtpListener } from '../../../adapters/mailer/ceInboundSmtp';
import { CliError } from '../cliError';
import { waitForShutdown } from '../shutdown';
import { sandboxProviders } from './sandboxProviders';

/**
 * `openabm sandbox <provider> --port N`: runs one provider emulator alone with its demo org and prints one JSON line
 * on stdout (base URL, OAuth client id/secret, the demo user's refresh token) so any client can be pointed at it.
 */
export function registerSandbox(program: Command): void {
  program
    .command('sandbox')
    .description('Run one provider emulator (with its demo org) until Ctrl+C, printing its URL and OAuth credentials as one JSON line')
    .argument('<provider>', `emulator to run: ${sandboxProviders.join(', ')}`)
    .option('-p, --port <port>', 'port on 127.0.0.1 (0 picks a free one)', '0')
    .option('--log', 'log each request to stderr', false)
    .option('--ce-inbound-webhook <url>', "also run Conversational Email's inbound SMTP listener; each message it receives is posted to this openabm inbound webhook URL (its port is printed as ceInboundSmtpPort)")
    .addHelpText('after', '\nExample:\n  npx openabm sandbox salesforce --port 4010\n  {"provider":"salesforce","baseUrl":"http://127.0.0.1:4010","clientId":"…","clientSecret":"…","refreshToken":"…",…}')
    .action(async (provider: string, options: { port: string; log: boolean; ceInboundWebhook?: string }) => {
      // Loaded here, not at the top: the emulators (their servers and demo data) are paid by this command only.
      const { emulatorDefinitions, findEmulator } = await import('../../../adapters/emulators/index');
      const definition = findEmulator(provider);
      if (!definition) {
        throw new CliError(`unknown provider "${provider}"; known emulators: ${emulatorDefinitions.map((candidate) => candidate.provider).join(', ')}`, 2);
      }
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new CliError(`--port must be an integer from 0 to 65535, got "${options.port}"`, 2);
      let running;
      try {
        running = await definition.start({ port, isLogging: options.log });
      } catch (error) {
        if ((error as { code?: string }).code === 'EADDRINUSE') throw new CliError(`port ${port} is already in use; pick another with --port, or --port 0 for a free one`);
        throw error;
      }
      let ceInbound: InboundSmtpListener | undefined;
      if (options.ceInboundWebhook) {
        const { forwardToInboundWebhook, startInboundSmtpListener } = await import('../../../adapters/mailer/ceInboundSmtp');
        ceInbound = await startInboundSmtpListener();
        ceInbound.setHandler(forwardToInboundWebhook(options.ceInboundWebhook));
      }
      process.stdout.write(`${JSON.stringify({ provider: running.provider, baseUrl: running.baseUrl, ...running.credentials, ...(ceInbound ? { ceInboundSmtpPort: ceInbound.port } : {}) })}\n`);
      process.stderr.write(`${definition.displayName} emulator listening on ${running.baseUrl}.${ceInbound ? ` Conversational Email inbound SMTP on 127.0.0.1:${ceInbound.port}.` : ''} Press Ctrl+C to stop.\n`);
      await waitForShutdown(async () => {
        await ceInbound?.close();
        await running.close();
      });
    });
}
