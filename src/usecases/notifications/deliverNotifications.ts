import { claimDueOutboxRows, failStaleSendingRows, finishOutboxRow } from '../../adapters/db/repositories/notificationOutbox';
import type { Db } from '../../adapters/db/database';
import { nextDeliveryStep } from '../../domain/notifications/retry';
import type { Clock } from '../../ports/clock';
import type { Mailer } from '../../ports/mailer';

/** Every message openabm sends for an org carries its id, so the sandbox mailbox shows each org its own mail. */
export const ORG_HEADER = 'X-Openabm-Org';

export interface DeliverDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly mailer: Mailer;
}

export interface DeliverySummary {
  sent: number;
  bounced: number;
  retrying: number;
  failed: number;
}

/**
 * Sends the due outbox rows of one event (the `notifications.deliver` job) or of every org (the minute sweep).
 * Each row is claimed before it is sent, so two workers never send the same message; a temporary failure goes back
 * to pending with backoff, a permanent one (SMTP 5xx) is recorded as bounced.
 */
export async function deliverNotifications(scope: { orgId: string; eventId: string } | 'all', deps: DeliverDeps, limit = 200): Promise<DeliverySummary> {
  const summary: DeliverySummary = { sent: 0, bounced: 0, retrying: 0, failed: 0 };
  const now = deps.clock.now();
  if (scope === 'all') await failStaleSendingRows(deps.db, new Date(now.getTime() - 15 * 60_000));
  const rows = await claimDueOutboxRows(deps.db, scope, now, limit);
  for (const row of rows) {
    const result = await deps.mailer.send({
      to: [row.address],
      subject: `openabm: ${row.title}`,
      text: row.body_text,
      html: row.body_html,
      messageId: row.message_id,
      headers: { 'X-Openabm-Notification': row.type, [ORG_HEADER]: row.org_id },
    });
    const step = nextDeliveryStep(result, row.attempt_count);
    const error = result.status === 'failed' ? `${result.smtpCode ?? 'no reply'}: ${result.message}` : null;
    const finishedAt = deps.clock.now();
    if (step.status === 'pending') {
      await finishOutboxRow(deps.db, row.org_id, row.id, { status: 'pending', error, nextAttemptAt: new Date(finishedAt.getTime() + step.retryInMs), sentAt: null });
      summary.retrying += 1;
    } else {
      await finishOutboxRow(deps.db, row.org_id, row.id, { status: step.status, error, nextAttemptAt: finishedAt, sentAt: step.status === 'sent' ? finishedAt : null });
      summary[step.status] += 1;
    }
  }
  return summary;
}
