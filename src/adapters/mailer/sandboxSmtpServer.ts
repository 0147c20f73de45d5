import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

/**
 * A real SMTP server on the loopback address that keeps every message it receives: sandbox mode sends openabm's
 * mail here (Settings > Sandbox mailbox reads it), and tests read what was delivered. Port 0 picks a free port.
 * Faults on demand: `rejectRecipient` answers 550 (permanent: a bounce) or 451 (temporary) for matching addresses.
 */
export interface CapturedMail {
  readonly id: number;
  readonly receivedAt: string;
  readonly envelopeFrom: string;
  readonly envelopeTo: readonly string[];
  readonly from: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string | undefined;
  readonly messageId: string | undefined;
  readonly inReplyTo: string | undefined;
  readonly headers: Readonly<Record<string, string>>;
}

export interface SandboxSmtpServer {
  readonly port: number;
  /** smtp://127.0.0.1:PORT — STARTTLS is offered with a self-signed certificate. */
  readonly url: string;
  readonly messages: readonly CapturedMail[];
  /** Recipients matching the pattern are refused with the given SMTP code (550 permanent, 451 temporary). */
  rejectRecipient(pattern: RegExp, code: 550 | 451): void;
  /** Resolves once `count` messages have been received in total. */
  waitForMessages(count: number): Promise<readonly CapturedMail[]>;
  close(): Promise<void>;
}

export async function startSandboxSmtpServer(options: { port?: number; maxKeptMessages?: number } = {}): Promise<SandboxSmtpServer> {
  const messages: CapturedMail[] = [];
  const rejections: Array<{ pattern: RegExp; code: 550 | 451 }> = [];
  const waiters: Array<{ count: number; resolve: (mail: readonly CapturedMail[]) => void }> = [];
  const maxKept = options.maxKeptMessages ?? 1000;
  let nextId = 1;

  const server = new SMTPServer({
    authOptional: true,
    disableReverseLookup: true,
    logger: false,
    banner: 'openabm sandbox SMTP',
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      const rule = rejections.find((candidate) => candidate.pattern.test(address.address));
      if (!rule) return callback();
      const error = new Error(rule.code === 550 ? `5.1.1 <${address.address}>: mailbox unavailable` : `4.2.1 <${address.address}>: try again later`) as Error & { responseCode: number };
      error.responseCode = rule.code;
      return callback(error);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const headers: Record<string, string> = {};
          for (const line of parsed.headerLines) headers[line.key] = line.line.slice(line.line.indexOf(':') + 1).trim();
          messages.push({
            id: nextId++,
            receivedAt: new Date().toISOString(),
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            from: parsed.from?.text ?? '',
            to: addressList(parsed.to),
            cc: addressList(parsed.cc),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : undefined,
            messageId: parsed.messageId,
            inReplyTo: parsed.inReplyTo,
            headers,
          });
          if (messages.length > maxKept) messages.shift();
          for (const waiter of [...waiters]) {
            if (nextId - 1 >= waiter.count) {
              waiters.splice(waiters.indexOf(waiter), 1);
              waiter.resolve([...messages]);
            }
          }
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });

  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port));
  });

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    rejectRecipient(pattern, code) {
      rejections.push({ pattern, code });
    },
    waitForMessages(count) {
      if (nextId - 1 >= count) return Promise.resolve([...messages]);
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function addressList(value: AddressObject | AddressObject[] | undefined): string[] {
  if (!value) return [];
  const objects = Array.isArray(value) ? value : [value];
  return objects.flatMap((object) => object.value.map((entry) => entry.address ?? '')).filter((address) => address !== '');
}
