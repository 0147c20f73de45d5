import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { createTransport } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { parseHeaderBlock, type InboundMail } from '../../domain/conversationalEmail/inboundMail';

/**
 * The sandbox's inbound mailbox for Conversational Email: an SMTP listener on 127.0.0.1 (smtp-server) that parses each
 * message (mailparser) into an InboundMail and hands it to openabm. Replies written on the sandbox mailbox page
 * arrive here over real SMTP, like a customer's reply forwarded by their mail server.
 */
export interface InboundSmtpListener {
  readonly port: number;
  /** Set once the app's dependencies exist (the listener starts before them so its port can be wired in). */
  setHandler(handler: (mail: InboundMail) => Promise<void>): void;
  close(): Promise<void>;
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const objects = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return objects.flatMap((object) => object.value.map((entry) => entry.address ?? '')).filter((address) => address !== '');
}

/** A parsed message as InboundMail; the machine-readable parts of a delivery report are appended to the text. */
export function toInboundMail(parsed: ParsedMail): InboundMail {
  const headers = parseHeaderBlock(parsed.headerLines.map((line) => line.line).join('\n'));
  const reportParts = parsed.attachments
    .filter((attachment) => /message\/delivery-status|text\/rfc822-headers|message\/rfc822/i.test(attachment.contentType))
    .map((attachment) => attachment.content.toString('utf8'));
  return {
    from: parsed.from?.text ?? '',
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    subject: parsed.subject ?? '',
    text: [parsed.text ?? '', ...reportParts].join('\n'),
    html: typeof parsed.html === 'string' ? parsed.html : undefined,
    headers,
  };
}

export async function startInboundSmtpListener(options: { host?: string; port?: number } = {}): Promise<InboundSmtpListener> {
  let handler: ((mail: InboundMail) => Promise<void>) | undefined;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          if (!handler) throw new Error('the inbound mailbox is not ready yet');
          await handler(toInboundMail(parsed));
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    setHandler(next) {
      handler = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Sends one message to the local inbound listener over SMTP (the sandbox mailbox's "answer as the lead"). */
export async function deliverToSandboxInbound(
  port: number,
  mail: { from: string; to: string; subject: string; text: string; inReplyTo: string; references: readonly string[] },
): Promise<void> {
  const transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  try {
    await transport.sendMail({ from: mail.from, to: mail.to, subject: mail.subject, text: mail.text, inReplyTo: mail.inReplyTo, references: [...mail.references] });
  } finally {
    transport.close();
  }
}

/**
 * A handler that posts each message to an openabm inbound webhook URL (the shape mail providers' inbound parse uses),
 * for `openabm sandbox … --ce-inbound-webhook`: outside clients send SMTP to the listener and openabm receives it as a
 * provider would forward it. A refused post fails the SMTP transaction, so the sender sees the error.
 */
export function forwardToInboundWebhook(webhookUrl: string): (mail: InboundMail) => Promise<void> {
  return async (mail) => {
    const response = await fetch(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: mail.from, to: [...mail.to], cc: [...mail.cc], subject: mail.subject, text: mail.text, ...(mail.html ? { html: mail.html } : {}), headers: mail.headers }),
    });
    if (!response.ok) throw new Error(`the inbound webhook answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  };
}
