import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { queryRows } from '../segments/rows';

/** Who receives a category's notifications. Every function takes orgId. */
export interface ResolvedRecipients {
  /** E-mail addresses (deduplicated, lower-cased comparison). */
  addresses: string[];
  /** Users of the org among them: they see the events in the notification centre. */
  userIds: string[];
}

/** The org's active primary administrators, plus the confirmed recipients of the category. */
export async function resolveRecipients(db: Db, orgId: string, category: string): Promise<ResolvedRecipients> {
  const rows = await queryRows<{ email: string; user_id: string | null }>(
    db,
    sql`SELECT u.email, u.id AS user_id FROM users u WHERE u.org_id = ${orgId} AND u.role = 'primary_admin' AND u.is_active
        UNION ALL
        SELECT r.email, u.id AS user_id FROM notification_recipients r
        LEFT JOIN users u ON u.id = r.user_id AND u.org_id = r.org_id
        WHERE r.org_id = ${orgId} AND r.category = ${category}
          AND ((r.user_id IS NOT NULL AND u.is_active) OR (r.user_id IS NULL AND r.confirmed_at IS NOT NULL))`,
  );
  const seen = new Set<string>();
  const addresses: string[] = [];
  const userIds = new Set<string>();
  for (const row of rows) {
    if (row.user_id) userIds.add(row.user_id);
    const key = row.email.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    addresses.push(row.email);
  }
  return { addresses, userIds: [...userIds] };
}

export interface RecipientRow {
  id: string;
  category: string;
  email: string;
  user_id: string | null;
  confirmed_at: Date | string | null;
  created_at: Date | string;
}

export async function listRecipientRows(db: Db, orgId: string): Promise<RecipientRow[]> {
  return queryRows<RecipientRow>(
    db,
    sql`SELECT id, category, email, user_id, confirmed_at, created_at FROM notification_recipients WHERE org_id = ${orgId}
        ORDER BY category, lower(email)`,
  );
}

export async function insertRecipient(
  db: Db,
  orgId: string,
  values: { category: string; email: string; userId: string | null; confirmTokenHash: string | null; confirmedAt: Date | null; addedBy: string | null },
): Promise<RecipientRow | undefined> {
  const rows = await queryRows<RecipientRow>(
    db,
    sql`INSERT INTO notification_recipients (org_id, category, email, user_id, confirm_token_hash, confirmed_at, added_by)
        VALUES (${orgId}, ${values.category}, ${values.email}, ${values.userId}, ${values.confirmTokenHash},
                ${values.confirmedAt?.toISOString() ?? null}, ${values.addedBy})
        ON CONFLICT (org_id, category, lower(email)) DO NOTHING
        RETURNING id, category, email, user_id, confirmed_at, created_at`,
  );
  return rows[0];
}

export async function deleteRecipient(db: Db, orgId: string, recipientId: string): Promise<RecipientRow | undefined> {
  const rows = await queryRows<RecipientRow>(
    db,
    sql`DELETE FROM notification_recipients WHERE org_id = ${orgId} AND id = ${recipientId}
        RETURNING id, category, email, user_id, confirmed_at, created_at`,
  );
  return rows[0];
}

export async function findRecipient(db: Db, orgId: string, recipientId: string): Promise<RecipientRow | undefined> {
  const rows = await queryRows<RecipientRow>(
    db,
    sql`SELECT id, category, email, user_id, confirmed_at, created_at FROM notification_recipients WHERE org_id = ${orgId} AND id = ${recipientId}`,
  );
  return rows[0];
}

/** The confirmation link carries no session: the org comes from the row its token names. */
export async function confirmRecipientByToken(db: Db, tokenHash: string, now: Date): Promise<{ org_id: string; email: string; category: string } | undefined> {
  const rows = await queryRows<{ org_id: string; email: string; category: string }>(
    db,
    sql`UPDATE notification_recipients SET confirmed_at = COALESCE(confirmed_at, ${now.toISOString()}::timestamptz)
        WHERE confirm_token_hash = ${tokenHash} RETURNING org_id, email, category`,
  );
  return rows[0];
}
