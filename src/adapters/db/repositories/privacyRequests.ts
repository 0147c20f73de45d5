import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { queryRows } from '../segments/rows';

/** The register of privacy opt-out requests, and the deletion of one person's data. Every function takes orgId. */
export interface PrivacyRequestRow {
  id: string;
  email: string | null;
  visitor_id: string | null;
  received_at: Date | string;
  handled_at: Date | string | null;
  deletion_summary: Record<string, number> | null;
}

const COLUMNS = sql`id, email, visitor_id, received_at, handled_at, deletion_summary`;

export async function listPrivacyRequestRows(db: Db, orgId: string): Promise<PrivacyRequestRow[]> {
  return queryRows<PrivacyRequestRow>(db, sql`SELECT ${COLUMNS} FROM privacy_requests WHERE org_id = ${orgId} ORDER BY handled_at IS NOT NULL, received_at DESC LIMIT 500`);
}

export async function insertPrivacyRequest(db: Db, orgId: string, values: { email: string | null; visitorId: string | null; receivedAt: Date }): Promise<PrivacyRequestRow> {
  const rows = await queryRows<PrivacyRequestRow>(
    db,
    sql`INSERT INTO privacy_requests (org_id, email, visitor_id, received_at) VALUES (${orgId}, ${values.email}, ${values.visitorId}, ${values.receivedAt.toISOString()})
        RETURNING ${COLUMNS}`,
  );
  const row = rows[0];
  if (!row) throw new Error('privacy request insert returned nothing');
  return row;
}

/** Locks the open request for handling; undefined when it does not exist or is already handled. */
export async function lockOpenPrivacyRequest(db: Db, orgId: string, requestId: string): Promise<PrivacyRequestRow | undefined> {
  const rows = await queryRows<PrivacyRequestRow>(db, sql`SELECT ${COLUMNS} FROM privacy_requests WHERE org_id = ${orgId} AND id = ${requestId} FOR UPDATE`);
  return rows[0];
}

/**
 * Where openabm keeps personal data, by the key that finds a person. Tables of areas not installed yet are skipped
 * (checked with to_regclass), so the list can name them before they land.
 */
const BY_EMAIL: ReadonlyArray<{ label: string; table: string; column?: string; extra?: string }> = [
  { label: 'crmContacts', table: 'crm_contacts' },
  { label: 'crmLeads', table: 'crm_leads' },
  { label: 'conversationalEmailPeople', table: 'ce_people' },
  { label: 'conversationalEmailReportRows', table: 'ce_report_rows' },
  { label: 'notificationRecipients', table: 'notification_recipients', extra: 'AND user_id IS NULL' },
  // An outside recipient's deliveries: the address is all they hold of the person (pending ones are not sent either).
  { label: 'notificationDeliveries', table: 'notification_outbox', column: 'address' },
];

/** What an ad audience member's label reads once a privacy request removed the address it showed. */
export const REMOVED_LABEL = 'removed by a privacy request';

/** Deletes the person's rows everywhere; returns how many rows each store lost. Run in a transaction. */
export async function deletePersonData(db: Db, orgId: string, person: { email: string | null; visitorId: string | null }): Promise<Record<string, number>> {
  const summary: Record<string, number> = {};
  if (person.visitorId) summary.webVisits = await countDeleted(db, sql`DELETE FROM web_visits WHERE org_id = ${orgId} AND visitor_id = ${person.visitorId} RETURNING 1`);
  if (person.email) {
    for (const store of BY_EMAIL) {
      const present = await queryRows<{ present: boolean }>(db, sql`SELECT to_regclass(${store.table}) IS NOT NULL AS present`);
      if (!present[0]?.present) continue;
      summary[store.label] = await countDeleted(
        db,
        sql`DELETE FROM ${sql.identifier(store.table)} WHERE org_id = ${orgId} AND lower(${sql.identifier(store.column ?? 'email')}) = ${person.email.toLowerCase()} ${sql.raw(store.extra ?? '')} RETURNING 1`,
      );
    }
    // An ad audience member without a name is labelled by its address; its payload keeps only the address's hash,
    // which the next sync still needs to take the person out of the channel's audience. The label goes, the row stays.
    summary.adAudienceLabels = await countDeleted(
      db,
      sql`UPDATE ad_member_payloads SET label = ${REMOVED_LABEL} WHERE org_id = ${orgId} AND lower(label) = ${person.email.toLowerCase()} RETURNING 1`,
    );
  }
  return summary;
}

async function countDeleted(db: Db, statement: ReturnType<typeof sql>): Promise<number> {
  return (await queryRows<unknown>(db, statement)).length;
}

export async function markPrivacyRequestHandled(db: Db, orgId: string, requestId: string, values: { handledAt: Date; handledBy: string | null; summary: Record<string, number> }): Promise<PrivacyRequestRow> {
  const rows = await queryRows<PrivacyRequestRow>(
    db,
    sql`UPDATE privacy_requests SET handled_at = ${values.handledAt.toISOString()}, handled_by = ${values.handledBy}, deletion_summary = ${JSON.stringify(values.summary)}::jsonb
        WHERE org_id = ${orgId} AND id = ${requestId} RETURNING ${COLUMNS}`,
  );
  const row = rows[0];
  if (!row) throw new Error('privacy request update returned nothing');
  return row;
}
