import type { CapturedMail } from '../../adapters/mailer/sandboxSmtpServer';
import { ORG_HEADER } from './deliverNotifications';

/** Settings > Sandbox mailbox: what the local SMTP server received for this org (newest first, at most 200). */
export function listSandboxMail({ orgId }: { orgId: string }, deps: { sandboxMailbox?: { messages: readonly CapturedMail[] } | undefined }) {
  if (!deps.sandboxMailbox) return { isAvailable: false, items: [] };
  const header = ORG_HEADER.toLowerCase();
  const items = deps.sandboxMailbox.messages
    .filter((mail) => mail.headers[header] === orgId)
    .slice(-200)
    .reverse()
    .map((mail) => ({
      id: mail.id,
      receivedAt: mail.receivedAt,
      from: mail.from,
      to: [...mail.to],
      cc: [...mail.cc],
      subject: mail.subject,
      text: mail.text,
      html: mail.html ?? null,
      messageId: mail.messageId ?? null,
    }));
  return { isAvailable: true, items };
}
