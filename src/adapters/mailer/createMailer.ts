import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Mailer, OutgoingMail, SendResult } from '../../ports/mailer';
import { SmtpMailer } from './smtpMailer';

/** Keeps every mail in memory: the test outbox for tests that do not need a real SMTP server. */
export class InMemoryMailer implements Mailer {
  readonly outbox: OutgoingMail[] = [];
  constructor(private readonly logger?: Logger) {}
  async send(mail: OutgoingMail): Promise<SendResult> {
    this.outbox.push(mail);
    this.logger?.info({ to: mail.to, subject: mail.subject }, 'mail kept in memory (no SMTP configured)');
    return { status: 'accepted', messageId: mail.messageId ?? `<${randomUUID()}@openabm.local>`, acceptedRecipients: [...mail.to, ...(mail.cc ?? [])], rejectedRecipients: [], serverResponse: '250 kept in memory' };
  }
}

/**
 * SMTP through nodemailer when OPENABM_SMTP_URL is set (in sandbox mode the runtime points it at the local sandbox
 * SMTP server); otherwise mail is kept in memory and logged.
 */
export function createMailer(config: { readonly smtpUrl: string | undefined; readonly mailFrom: string }, logger: Logger): Mailer {
  if (config.smtpUrl) return new SmtpMailer({ smtpUrl: config.smtpUrl, mailFrom: config.mailFrom });
  return new InMemoryMailer(logger);
}
