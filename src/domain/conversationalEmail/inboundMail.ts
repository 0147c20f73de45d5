/**
 * Inbound mail as openabm sees it, whether it came through the HTTP inbound webhook (the shape mail providers'
 * inbound parse posts: from, to, subject, text, html, headers) or the sandbox SMTP listener.
 */
export interface InboundMail {
  readonly from: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html?: string | undefined;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>;
}

/** Raw header block ("Name: value\r\n…", folded lines joined) → lower-cased map; the first occurrence wins. */
export function parseHeaderBlock(raw: string): Record<string, string> {
  const headers: Record<string, string> = {};
  const unfolded = raw.replace(/\r\n/g, '\n').replace(/\n[ \t]+/g, ' ');
  for (const line of unfolded.split('\n')) {
    const index = line.indexOf(':');
    if (index <= 0) continue;
    const name = line.slice(0, index).trim().toLowerCase();
    if (!(name in headers)) headers[name] = line.slice(index + 1).trim();
  }
  return headers;
}

/**
 * A delivery-status notification (RFC 3464): multipart/report; report-type=delivery-status, or the classic
 * mailer-daemon bounce subjects.
 */
export function isDeliveryStatusNotification(mail: InboundMail): boolean {
  const contentType = mail.headers['content-type'] ?? '';
  if (/multipart\/report/i.test(contentType) && /delivery-status/i.test(contentType)) return true;
  const isDaemon = /mailer-daemon|postmaster/i.test(mail.from);
  return isDaemon && /(undeliver|delivery status notification|returned mail|delivery failure|failure notice)/i.test(mail.subject);
}

export interface DsnFacts {
  readonly isPermanent: boolean;
  readonly failedRecipient: string | undefined;
  readonly status: string | undefined;
  readonly diagnostic: string | undefined;
  /** Message-IDs of the original message quoted in the report. */
  readonly originalMessageIds: readonly string[];
}

/** Reads the machine-readable part of a DSN (Status, Final-Recipient, Diagnostic-Code) from its text. */
export function readDsn(mail: InboundMail): DsnFacts {
  const text = mail.text;
  const status = /^Status:\s*([245]\.\d{1,3}\.\d{1,3})/im.exec(text)?.[1];
  const recipient = /^(?:Final|Original)-Recipient:\s*rfc822;\s*<?([^>\s]+)>?/im.exec(text)?.[1];
  const diagnostic = /^Diagnostic-Code:\s*(.+)$/im.exec(text)?.[1]?.trim();
  const originalMessageIds = [...text.matchAll(/^Message-ID:\s*(<[^>]+>)/gim)].map((match) => match[1] ?? '').filter((id) => id !== '');
  const action = /^Action:\s*(\w+)/im.exec(text)?.[1]?.toLowerCase();
  const isPermanent = status ? status.startsWith('5') : action === 'failed' || /\b5\d\d\b/.test(diagnostic ?? '');
  return { isPermanent, failedRecipient: recipient?.toLowerCase(), status, diagnostic, originalMessageIds };
}
