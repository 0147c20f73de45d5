import type { Logger } from 'pino';
import type { Config } from '../../apps/config';
import type { Mailer, OutgoingMail } from '../../ports/mailer';

/** Keeps every mail in memory: the test outbox, and the sandbox's (shown in the log). */
export class InMemoryMailer implements Mailer {
  readonly outbox: OutgoingMail[] = [];
  constructor(private readonly logger?: Logger) {}
  async send(mail: OutgoingMail): Promise<void> {
    this.outbox.push(mail);
    this.logger?.info({ to: mail.to, subject: mail.subject }, 'mail kept in the sandbox outbox (no SMTP configured)');
  }
}

/** SMTP delivery arrives with the notifications work; until then mail is kept in memory and logged. */
export function createMailer(_config: Pick<Config, 'smtpUrl'>, logger: Logger): Mailer {
  return new InMemoryMailer(logger);
}
