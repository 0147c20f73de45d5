import { and, asc, desc, eq, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../database';
import { ceCampaigns, ceConversations, cePeople, ceReportRows } from '../../schema/index';

/** People imported from the CRM, the report rows each campaign has seen, and conversations. Every function filters on orgId. */
export type CePersonRow = typeof cePeople.$inferSelect;
export type CeConversationRow = typeof ceConversations.$inferSelect;
export type CeReportRowRow = typeof ceReportRows.$inferSelect;
type PersonValues = Omit<typeof cePeople.$inferInsert, 'id' | 'orgId' | 'createdAt'>;

/** Insert or refresh people by CRM id; returns them keyed by crm id. */
export async function upsertPeople(db: Db, orgId: string, people: readonly PersonValues[]): Promise<Map<string, CePersonRow>> {
  const byId = new Map<string, CePersonRow>();
  for (const person of people) {
    const [row] = await db
      .insert(cePeople)
      .values({ orgId, ...person })
      .onConflictDoUpdate({
        target: [cePeople.orgId, cePeople.crmObject, cePeople.crmId],
        set: { email: person.email, firstName: person.firstName, lastName: person.lastName, ownerId: person.ownerId, ownerEmail: person.ownerEmail, fields: person.fields, isDoNotContact: sql`${cePeople.isDoNotContact} OR ${person.isDoNotContact ?? false}`, updatedAt: person.updatedAt },
      })
      .returning();
    if (row) byId.set(row.crmId, row);
  }
  return byId;
}

export async function findPerson(db: Db, orgId: string, personId: string): Promise<CePersonRow | undefined> {
  const rows = await db.select().from(cePeople).where(and(eq(cePeople.orgId, orgId), eq(cePeople.id, personId))).limit(1);
  return rows[0];
}

/** Other people (other CRM ids) already imported with one of these e-mails: lower(email) → crm ids. */
export async function peopleByEmails(db: Db, orgId: string, emails: readonly string[]): Promise<Array<{ email: string; crmId: string }>> {
  if (emails.length === 0) return [];
  const rows = await db
    .select({ email: sql<string>`lower(${cePeople.email})`, crmId: cePeople.crmId })
    .from(cePeople)
    .where(and(eq(cePeople.orgId, orgId), inArray(sql`lower(${cePeople.email})`, emails.map((email) => email.toLowerCase()))));
  return rows;
}

export async function markPersonDoNotContact(db: Db, orgId: string, personId: string, now: Date): Promise<void> {
  await db.update(cePeople).set({ isDoNotContact: true, updatedAt: now }).where(and(eq(cePeople.orgId, orgId), eq(cePeople.id, personId)));
}

export async function setPersonOwnerEmail(db: Db, orgId: string, personId: string, ownerEmail: string, now: Date): Promise<void> {
  await db.update(cePeople).set({ ownerEmail, updatedAt: now }).where(and(eq(cePeople.orgId, orgId), eq(cePeople.id, personId)));
}

export async function reportRowsOf(db: Db, orgId: string, campaignId: string): Promise<CeReportRowRow[]> {
  return db.select().from(ceReportRows).where(and(eq(ceReportRows.orgId, orgId), eq(ceReportRows.campaignId, campaignId)));
}

export async function upsertReportRows(db: Db, orgId: string, rows: ReadonlyArray<Omit<typeof ceReportRows.$inferInsert, 'orgId'>>): Promise<void> {
  for (const row of rows) {
    await db
      .insert(ceReportRows)
      .values({ orgId, ...row })
      .onConflictDoUpdate({ target: [ceReportRows.campaignId, ceReportRows.crmId], set: { outcome: row.outcome, reason: row.reason ?? null, email: row.email ?? null, updatedAt: row.updatedAt } });
  }
}

export async function listReportProblems(db: Db, orgId: string, campaignId: string, limit: number, offset: number): Promise<{ items: CeReportRowRow[]; total: number }> {
  const where = and(eq(ceReportRows.orgId, orgId), eq(ceReportRows.campaignId, campaignId), ne(ceReportRows.outcome, 'enrolled'));
  const items = await db.select().from(ceReportRows).where(where).orderBy(desc(ceReportRows.updatedAt), asc(ceReportRows.crmId)).limit(limit).offset(offset);
  const [count] = await db.select({ total: sql<number>`count(*)::int` }).from(ceReportRows).where(where);
  return { items, total: count?.total ?? 0 };
}

export async function insertConversation(db: Db, orgId: string, values: Omit<typeof ceConversations.$inferInsert, 'id' | 'orgId'>): Promise<CeConversationRow | undefined> {
  const [row] = await db.insert(ceConversations).values({ orgId, ...values }).onConflictDoNothing().returning();
  return row;
}

export async function updateConversation(db: Db, orgId: string, conversationId: string, patch: Partial<Omit<CeConversationRow, 'id' | 'orgId'>>): Promise<CeConversationRow | undefined> {
  const [row] = await db.update(ceConversations).set(patch).where(and(eq(ceConversations.orgId, orgId), eq(ceConversations.id, conversationId))).returning();
  return row;
}

export async function findConversation(db: Db, orgId: string, conversationId: string): Promise<CeConversationRow | undefined> {
  const rows = await db.select().from(ceConversations).where(and(eq(ceConversations.orgId, orgId), eq(ceConversations.id, conversationId))).limit(1);
  return rows[0];
}

/** The reply token is globally unique: inbound mail finds its org through it. */
export async function findConversationByReplyToken(db: Db, replyToken: string): Promise<CeConversationRow | undefined> {
  const rows = await db.select().from(ceConversations).where(eq(ceConversations.replyToken, replyToken)).limit(1);
  return rows[0];
}

/** People of these ids with a conversation that has not ended, in a campaign that is not ended/canceled (other than `campaignId`). */
export async function personIdsInOngoingConversations(db: Db, orgId: string, personIds: readonly string[], endedStatuses: readonly string[]): Promise<Array<{ personId: string; campaignId: string }>> {
  if (personIds.length === 0) return [];
  return db
    .select({ personId: ceConversations.personId, campaignId: ceConversations.campaignId })
    .from(ceConversations)
    .innerJoin(ceCampaigns, eq(ceCampaigns.id, ceConversations.campaignId))
    .where(
      and(
        eq(ceConversations.orgId, orgId),
        inArray(ceConversations.personId, [...personIds]),
        sql`${ceConversations.status} NOT IN (${sql.join(endedStatuses.map((status) => sql`${status}`), sql`, `)})`,
        inArray(ceCampaigns.status, ['draft', 'scheduled', 'running', 'paused']),
      ),
    );
}

/** Conversations due a send: not paused, not ended, next_send_at reached, in a running campaign. */
export async function dueConversations(db: Db, orgId: string, campaignId: string, now: Date, limit: number): Promise<CeConversationRow[]> {
  return db
    .select()
    .from(ceConversations)
    .where(
      and(
        eq(ceConversations.orgId, orgId),
        eq(ceConversations.campaignId, campaignId),
        eq(ceConversations.isPaused, false),
        isNull(ceConversations.endedAt),
        lte(ceConversations.nextSendAt, now),
        or(isNull(ceConversations.resumeAfter), lte(ceConversations.resumeAfter, now)),
      ),
    )
    .orderBy(asc(ceConversations.nextSendAt), asc(ceConversations.enrolledAt))
    .limit(limit);
}

export async function conversationsOfCampaign(db: Db, orgId: string, campaignId: string): Promise<Array<{ conversation: CeConversationRow; person: CePersonRow }>> {
  return db
    .select({ conversation: ceConversations, person: cePeople })
    .from(ceConversations)
    .innerJoin(cePeople, eq(cePeople.id, ceConversations.personId))
    .where(and(eq(ceConversations.orgId, orgId), eq(ceConversations.campaignId, campaignId)))
    .orderBy(asc(ceConversations.enrolledAt), asc(cePeople.email));
}

export async function pageConversations(db: Db, orgId: string, campaignId: string, limit: number, offset: number): Promise<{ items: Array<{ conversation: CeConversationRow; person: CePersonRow }>; total: number }> {
  const where = and(eq(ceConversations.orgId, orgId), eq(ceConversations.campaignId, campaignId));
  const items = await db
    .select({ conversation: ceConversations, person: cePeople })
    .from(ceConversations)
    .innerJoin(cePeople, eq(cePeople.id, ceConversations.personId))
    .where(where)
    .orderBy(desc(ceConversations.updatedAt), asc(cePeople.email))
    .limit(limit)
    .offset(offset);
  const [count] = await db.select({ total: sql<number>`count(*)::int` }).from(ceConversations).where(where);
  return { items, total: count?.total ?? 0 };
}

export async function conversationCounts(db: Db, orgId: string, campaignId: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ status: ceConversations.status, count: sql<number>`count(*)::int` })
    .from(ceConversations)
    .where(and(eq(ceConversations.orgId, orgId), eq(ceConversations.campaignId, campaignId)))
    .groupBy(ceConversations.status);
  return Object.fromEntries(rows.map((row) => [row.status, row.count]));
}

export async function conversationFlagCounts(db: Db, orgId: string, campaignId: string): Promise<{ enrolled: number; replied: number; bounced: number; dnc: number }> {
  const [row] = await db
    .select({
      enrolled: sql<number>`count(*)::int`,
      replied: sql<number>`count(*) filter (where ${ceConversations.hasReplied})::int`,
      bounced: sql<number>`count(*) filter (where ${ceConversations.isBounced})::int`,
      dnc: sql<number>`count(*) filter (where ${ceConversations.lastIntent} = 'do_not_contact')::int`,
    })
    .from(ceConversations)
    .where(and(eq(ceConversations.orgId, orgId), eq(ceConversations.campaignId, campaignId)));
  return row ?? { enrolled: 0, replied: 0, bounced: 0, dnc: 0 };
}

/** Open human-review tasks: conversations in Human Review, oldest first, with their person and campaign name. */
export async function reviewConversations(db: Db, orgId: string, limit: number): Promise<Array<{ conversation: CeConversationRow; person: CePersonRow; campaignName: string }>> {
  return db
    .select({ conversation: ceConversations, person: cePeople, campaignName: ceCampaigns.name })
    .from(ceConversations)
    .innerJoin(cePeople, eq(cePeople.id, ceConversations.personId))
    .innerJoin(ceCampaigns, eq(ceCampaigns.id, ceConversations.campaignId))
    .where(and(eq(ceConversations.orgId, orgId), eq(ceConversations.status, 'human_review')))
    .orderBy(asc(ceConversations.updatedAt), asc(ceConversations.id))
    .limit(limit);
}
