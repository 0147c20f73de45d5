import type { Mailer, SendResult } from '../../ports/mailer';

/** `openabm notifications test --to ADDRESS`: one message with a plain-text and an HTML part. */
export async function sendTestMessage({ to, sentAt }: { to: string; sentAt: Date }, deps: { mailer: Mailer }): Promise<SendResult> {
  return deps.mailer.send({
    to: [to],
    subject: 'openabm: test message',
    text: `This is a test message from openabm, sent ${sentAt.toISOString()}.\n\nIf you can read it, system notifications reach this address.\n`,
    html: `<!doctype html><html><body style="font-family:sans-serif"><h2>openabm test message</h2><p>Sent ${sentAt.toISOString()}.</p><p>If you can read it, system notifications reach this address.</p></body></html>`,
  });
}
