import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { queryRows } from '../segments/rows';

/** The e-mail outbox: rows are claimed before sending so that no address gets one event twice. */
export interface OutboxMessage {
  id: string;
  org_id: string;
  event_id: string;
  address: string;
  attempt_count: number;
  message_id: string;
  title: string;
  body_text: string;
  body_html: string;
  type: string;
}

/** Claims up to `limit` due rows (of one event, or of every org for the sweep): status → sending, attempt counted. */
export async function claimDueOutboxRows(db: Db, scope: { orgId: string; eventId: string } | 'all', now: Date, limit: number): Promise<OutboxMessage[]> {
  const filter = scope === 'all' ? sql`` : sql` AND o.org_id = ${scope.orgId} AND o.event_id = ${scope.eventId}`;
  return queryRows<OutboxMessage>(
    db,
    sql`WITH due AS (
          SELECT o.id FROM notification_outbox o
          WHERE o.status = 'pending' AND o.next_attempt_at <= ${now.toISOString()}${filter}
          ORDER BY o.next_attempt_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
        UPDATE notification_outbox o SET status = 'sending', attempt_count = o.attempt_count + 1, next_attempt_at = ${now.toISOString()}
        FROM due, notification_events e
        WHERE o.id = due.id AND e.id = o.event_id AND e.org_id = o.org_id
        RETURNING o.id, o.org_id, o.event_id, o.address, o.attempt_count, o.message_id, e.title, e.body_text, e.body_html, e.type`,
  );
}

export async function finishOutboxRow(
  db: Db,
  orgId: string,
  outboxId: string,
  outcome: { status: 'sent' | 'bounced' | 'failed' | 'pending'; error: string | null; nextAttemptAt: Date; sentAt: Date | null },
): Promise<void> {
  await db.execute(
    sql`UPDATE notification_outbox SET status = ${outcome.status}, last_error = ${outcome.error}, next_attempt_at = ${outcome.nextAttemptAt.toISOString()},
          sent_at = ${outcome.sentAt?.toISOString() ?? null}
        WHERE org_id = ${orgId} AND id = ${outboxId} AND status = 'sending'`,
  );
}

/**
 * A row left in `sending` (the process died between the SMTP reply and the update) may or may not have gone out:
 * it is marked failed rather than sent again.
 */
export async function failStaleSendingRows(db: Db, olderThan: Date): Promise<number> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`UPDATE notification_outbox SET status = 'failed', last_error = 'The delivery outcome is unknown (the sender stopped mid-send); not sent again to avoid a duplicate.'
        WHERE status = 'sending' AND next_attempt_at < ${olderThan.toISOString()} RETURNING id`,
  );
  return rows.length;
}

export interface OutboxStatusRow {
  address: string;
  status: string;
  attempt_count: number;
  last_error: string | null;
  sent_at: Date | string | null;
}

export async function listOutboxForEvent(db: Db, orgId: string, eventId: string): Promise<OutboxStatusRow[]> {
  return queryRows<OutboxStatusRow>(
    db,
    sql`SELECT address, status, attempt_count, last_error, sent_at FROM notification_outbox WHERE org_id = ${orgId} AND event_id = ${eventId} ORDER BY address`,
  );
}
