import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { queryRows } from '../segments/rows';

/** Notification events, their e-mail outbox and in-app inbox rows. Every function takes orgId. */
export interface NewNotificationEvent {
  type: string;
  category: string;
  dedupeKey: string;
  subjectId: string | null;
  facts: Record<string, unknown>;
  severity: string;
  title: string;
  bodyText: string;
  bodyHtml: string;
  createdAt: Date;
}

/** Inserts the event unless one with the same dedupe key exists; returns its id, or undefined when it existed. */
export async function insertNotificationEvent(db: Db, orgId: string, event: NewNotificationEvent): Promise<string | undefined> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`INSERT INTO notification_events (org_id, type, category, dedupe_key, subject_id, facts, severity, title, body_text, body_html, created_at)
        VALUES (${orgId}, ${event.type}, ${event.category}, ${event.dedupeKey}, ${event.subjectId}, ${JSON.stringify(event.facts)}::jsonb,
                ${event.severity}, ${event.title}, ${event.bodyText}, ${event.bodyHtml}, ${event.createdAt.toISOString()})
        ON CONFLICT (org_id, dedupe_key) DO NOTHING RETURNING id`,
  );
  return rows[0]?.id;
}

export async function findEventIdByDedupeKey(db: Db, orgId: string, dedupeKey: string): Promise<string | undefined> {
  const rows = await queryRows<{ id: string }>(db, sql`SELECT id FROM notification_events WHERE org_id = ${orgId} AND dedupe_key = ${dedupeKey}`);
  return rows[0]?.id;
}

export async function insertOutboxRows(db: Db, orgId: string, eventId: string, addresses: readonly string[], now: Date, mailDomain: string): Promise<void> {
  for (const address of addresses) {
    const messageId = `<${randomUUID()}@${mailDomain}>`;
    await db.execute(
      sql`INSERT INTO notification_outbox (org_id, event_id, address, status, next_attempt_at, message_id)
          VALUES (${orgId}, ${eventId}, ${address}, 'pending', ${now.toISOString()}, ${messageId})
          ON CONFLICT (event_id, lower(address)) DO NOTHING`,
    );
  }
}

export async function insertInboxRows(db: Db, orgId: string, eventId: string, userIds: readonly string[], now: Date): Promise<void> {
  for (const userId of userIds) {
    await db.execute(
      sql`INSERT INTO notification_inbox (org_id, event_id, user_id, created_at) VALUES (${orgId}, ${eventId}, ${userId}, ${now.toISOString()})
          ON CONFLICT DO NOTHING`,
    );
  }
}

export interface InboxRow {
  event_id: string;
  type: string;
  category: string;
  severity: string;
  title: string;
  body_text: string;
  created_at: Date | string;
  read_at: Date | string | null;
  total: number;
}

export async function listInbox(db: Db, orgId: string, userId: string, options: { limit: number; offset: number }): Promise<InboxRow[]> {
  return queryRows<InboxRow>(
    db,
    sql`SELECT e.id AS event_id, e.type, e.category, e.severity, e.title, e.body_text, i.created_at, i.read_at,
               (count(*) OVER ())::int AS total
        FROM notification_inbox i JOIN notification_events e ON e.id = i.event_id AND e.org_id = i.org_id
        WHERE i.org_id = ${orgId} AND i.user_id = ${userId}
        ORDER BY i.created_at DESC, e.id LIMIT ${options.limit} OFFSET ${options.offset}`,
  );
}

export async function countUnread(db: Db, orgId: string, userId: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM notification_inbox WHERE org_id = ${orgId} AND user_id = ${userId} AND read_at IS NULL`,
  );
  return rows[0]?.n ?? 0;
}

/** Marks the given events (or all, when eventIds is undefined) read for the user; returns how many changed. */
export async function markInboxRead(db: Db, orgId: string, userId: string, eventIds: readonly string[] | undefined, now: Date): Promise<number> {
  const filter = eventIds === undefined ? sql`` : sql` AND event_id IN (${sql.join(eventIds.map((id) => sql`${id}`), sql`, `)})`;
  if (eventIds !== undefined && eventIds.length === 0) return 0;
  const rows = await queryRows<{ event_id: string }>(
    db,
    sql`UPDATE notification_inbox SET read_at = ${now.toISOString()}
        WHERE org_id = ${orgId} AND user_id = ${userId} AND read_at IS NULL${filter} RETURNING event_id`,
  );
  return rows.length;
}
