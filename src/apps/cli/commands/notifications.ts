import type { Command } from 'commander';
import type { SmtpMailer } from '../../../adapters/mailer/smtpMailer';
import { CliError } from '../cliError';

export function registerNotifications(program: Command): void {
  const notifications = program.command('notifications').description('System notifications');
  notifications
    .command('test')
    .description('Send a test message through OPENABM_SMTP_URL; exits 0 only when the SMTP server accepted it')
    .requiredOption('--to <address>', 'recipient e-mail address')
    .action(async (options: { to: string }) => {
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(options.to)) throw new CliError(`"${options.to}" is not an e-mail address.`, 2);
      const { loadConfig } = await import('../../config');
      const config = loadConfig();
      if (!config.smtpUrl) throw new CliError('OPENABM_SMTP_URL is not set: give the SMTP server, e.g. smtp://user:pass@mail.example.com:587 (STARTTLS) or smtps://…:465 (TLS).', 2);
      // Loaded here, not at the top: the mailer (nodemailer) is paid by this command only.
      const [{ SmtpMailer }, { systemClock }, { sendTestMessage }] = await Promise.all([
        import('../../../adapters/mailer/smtpMailer'),
        import('../../../ports/clock'),
        import('../../../usecases/notifications/sendTestMessage'),
      ]);
      let mailer: SmtpMailer;
      try {
        mailer = new SmtpMailer({ smtpUrl: config.smtpUrl, mailFrom: config.mailFrom, timeoutSeconds: 20 });
      } catch (error) {
        throw new CliError(error instanceof Error ? error.message : String(error), 2);
      }
      try {
        const result = await sendTestMessage({ to: options.to, sentAt: systemClock.now() }, { mailer });
        if (result.status === 'accepted' && result.rejectedRecipients.length === 0) {
          process.stdout.write(`The SMTP server accepted the test message for ${options.to} (${result.serverResponse}). Message-ID: ${result.messageId}\n`);
          return;
        }
        if (result.status === 'accepted') throw new CliError(`The SMTP server refused ${result.rejectedRecipients.join(', ')}.`);
        if (result.smtpCode === undefined) {
          // No SMTP reply at all: the host did not resolve, refused the connection or did not answer in time.
          throw new CliError(`Could not reach the SMTP server ${serverOf(config.smtpUrl)} given in OPENABM_SMTP_URL (${result.message}): check its host and port, and that this machine may connect to it.`);
        }
        const kind = result.isPermanent ? 'refused the message' : 'could not take the message now (temporary failure)';
        throw new CliError(`The SMTP server ${kind}: ${result.smtpCode ? `${result.smtpCode} ` : ''}${result.message}`);
      } finally {
        mailer.close();
      }
    });
}

/** host:port of the SMTP URL, without its user name or password. */
function serverOf(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  return `${url.hostname}:${url.port || (url.protocol === 'smtps:' ? '465' : '587')}`;
}
