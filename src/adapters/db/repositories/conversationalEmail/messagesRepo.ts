import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../database';
import { ceConversations, ceMessages } from '../../schema/index';

/** Messages sent and received in conversations. Every function filters on orgId (except the Message-ID lookup of inbound mail). */
export type CeMessageRow = typeof ceMessages.$inferSelect;

export async function insertMessage(db: Db, orgId: string, values: Omit<typeof ceMessages.$inferInsert, 'id' | 'orgId'>): Promise<CeMessageRow> {
  const [row] = await db.insert(ceMessages).values({ orgId, ...values }).returning();
  if (!row) throw new Error('message insert returned nothing');
  return row;
}

export async function messagesOfConversation(db: Db, orgId: string, conversationId: string): Promise<CeMessageRow[]> {
  return db.select().from(ceMessages).where(and(eq(ceMessages.orgId, orgId), eq(ceMessages.conversationId, conversationId))).orderBy(asc(ceMessages.createdAt));
}

/** Inbound mail has no org yet: it is found through the Message-IDs it answers (In-Reply-To / References). */
export async function findOutboundByMessageIds(db: Db, messageIds: readonly string[]): Promise<CeMessageRow | undefined> {
  if (messageIds.length === 0) return undefined;
  const rows = await db.select().from(ceMessages).where(and(inArray(ceMessages.messageId, [...messageIds]), eq(ceMessages.direction, 'outbound'))).limit(1);
  return rows[0];
}

export async function sentTodayByAssistant(db: Db, orgId: string, assistantId: string, dayStart: Date, dayEnd: Date): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(ceMessages)
    .where(and(eq(ceMessages.orgId, orgId), eq(ceMessages.assistantId, assistantId), eq(ceMessages.direction, 'outbound'), gte(ceMessages.createdAt, dayStart), lt(ceMessages.createdAt, dayEnd)));
  return row?.count ?? 0;
}

export async function campaignMessageCounts(db: Db, orgId: string, campaignId: string): Promise<{ sent: number; received: number }> {
  const [row] = await db
    .select({
      // The funnel's "sent" counts the campaign's own e-mails (sequences and follow-ups), not hand-offs to the rep.
      sent: sql<number>`count(*) filter (where ${ceMessages.direction} = 'outbound' and ${ceMessages.delivery} = 'sent' and ${ceMessages.kind} in ('sequence', 'follow_up'))::int`,
      received: sql<number>`count(*) filter (where ${ceMessages.direction} = 'inbound' and ${ceMessages.kind} = 'reply')::int`,
    })
    .from(ceMessages)
    .innerJoin(ceConversations, eq(ceConversations.id, ceMessages.conversationId))
    .where(and(eq(ceMessages.orgId, orgId), eq(ceConversations.campaignId, campaignId)));
  return row ?? { sent: 0, received: 0 };
}
