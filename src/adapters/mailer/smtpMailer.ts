import { randomUUID } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Mailer, OutgoingMail, SendResult } from '../../ports/mailer';

export interface SmtpMailerOptions {
  /** smtp://user:pass@host:587 (STARTTLS when the server offers it) or smtps://…:465 (TLS from the start). */
  smtpUrl: string;
  mailFrom: string;
  /** Seconds before a connection or reply counts as a temporary failure. */
  timeoutSeconds?: number;
}

interface SmtpErrorShape {
  message?: string;
  code?: string;
  responseCode?: number;
  response?: string;
  rejected?: string[];
}

/** Sends through an SMTP server with nodemailer; delivery failures come back as values (ports/mailer.ts). */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;
  private readonly mailFrom: string;
  private readonly domain: string;

  constructor(options: SmtpMailerOptions) {
    const url = new URL(options.smtpUrl);
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
      throw new Error(`OPENABM_SMTP_URL must start with smtp:// or smtps:// (got ${url.protocol}//)`);
    }
    const timeoutMs = (options.timeoutSeconds ?? 30) * 1000;
    this.transport = nodemailer.createTransport({
      host: url.hostname,
      port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
      secure: url.protocol === 'smtps:',
      ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
      // Loopback test and sandbox servers use self-signed certificates; elsewhere certificates are verified.
      tls: { rejectUnauthorized: !isLoopback(url.hostname) },
    });
    this.mailFrom = options.mailFrom;
    this.domain = /@([^>\s]+)>?\s*$/.exec(options.mailFrom)?.[1] ?? 'openabm.local';
  }

  async send(mail: OutgoingMail): Promise<SendResult> {
    const messageId = mail.messageId ?? `<${randomUUID()}@${this.domain}>`;
    try {
      const info = await this.transport.sendMail({
        from: mail.from ?? this.mailFrom,
        to: mail.to,
        ...(mail.cc ? { cc: mail.cc } : {}),
        ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        messageId,
        ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
        ...(mail.references ? { references: mail.references } : {}),
        ...(mail.headers ? { headers: mail.headers } : {}),
      });
      return {
        status: 'accepted',
        messageId,
        acceptedRecipients: (info.accepted ?? []).map(addressText),
        rejectedRecipients: (info.rejected ?? []).map(addressText),
        serverResponse: info.response ?? '',
      };
    } catch (error) {
      const smtp = error as SmtpErrorShape;
      const smtpCode = typeof smtp.responseCode === 'number' ? smtp.responseCode : undefined;
      return {
        status: 'failed',
        isPermanent: smtpCode !== undefined && smtpCode >= 500,
        smtpCode,
        message: smtp.response ?? smtp.message ?? String(error),
        messageId,
        rejectedRecipients: smtp.rejected ?? [],
      };
    }
  }

  close(): void {
    this.transport.close();
  }
}

function addressText(address: string | { address: string }): string {
  return typeof address === 'string' ? address : address.address;
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]' || hostname === '::1';
}
