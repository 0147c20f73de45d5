/**
 * Outgoing mail (issue 11; also used by Conversational Email, issue 12).
 *
 * - `from` defaults to the configured sender (`OPENABM_MAIL_FROM`); addresses are RFC 5322 strings
 *   (`"A B" <a@b.com>` or `a@b.com`).
 * - Threading: `messageId` (sent as Message-ID; generated when absent and returned in the result), `inReplyTo`
 *   and `references` (In-Reply-To / References). Any other header goes into `headers`.
 * - Every message openabm sends has a plain-text part and, where given, an HTML part (multipart/alternative).
 *
 * `send` never throws for delivery problems: it resolves with a SendResult. `accepted` means the SMTP server took
 * the message for at least one recipient (`rejectedRecipients` lists the others). `failed` tells a permanent
 * failure (SMTP 5xx: bad address, mailbox unknown, message refused — a bounce: do not retry) from a temporary one
 * (SMTP 4xx, connection refused, timeout — retry later with backoff). Bugs (invalid arguments) still throw.
 */
export interface OutgoingMail {
  from?: string;
  to: string[];
  cc?: string[];
  replyTo?: string;
  subject: string;
  text: string;
  html?: string;
  /** `<id@host>`; generated when absent. */
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
}

export type SendResult =
  | {
      readonly status: 'accepted';
      /** The Message-ID the message was sent with. */
      readonly messageId: string;
      readonly acceptedRecipients: readonly string[];
      readonly rejectedRecipients: readonly string[];
      /** The server's last reply line, e.g. `250 2.0.0 OK queued`. */
      readonly serverResponse: string;
    }
  | {
      readonly status: 'failed';
      /** true: SMTP 5xx or every recipient refused with 5xx — a bounce, never retry. false: retry later. */
      readonly isPermanent: boolean;
      /** SMTP reply code when the server answered (550, 421…), undefined for connection errors. */
      readonly smtpCode: number | undefined;
      readonly message: string;
      readonly messageId: string;
      readonly rejectedRecipients: readonly string[];
    };

export interface Mailer {
  send(mail: OutgoingMail): Promise<SendResult>;
}
