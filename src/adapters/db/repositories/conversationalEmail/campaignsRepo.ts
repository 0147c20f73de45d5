import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../database';
import { ceApiUsage, ceAssistants, ceCampaigns, ceSettings } from '../../schema/index';

/** Conversational Email settings, assistants, campaigns and the per-campaign API counter. Every function filters on orgId. */
export type CeSettingsRow = typeof ceSettings.$inferSelect;
export type CeAssistantRow = typeof ceAssistants.$inferSelect;
export type CeCampaignRow = typeof ceCampaigns.$inferSelect;
type CampaignInsert = Omit<typeof ceCampaigns.$inferInsert, 'id' | 'orgId'>;

export async function findCeSettings(db: Db, orgId: string): Promise<CeSettingsRow> {
  const rows = await db.select().from(ceSettings).where(eq(ceSettings.orgId, orgId)).limit(1);
  if (rows[0]) return rows[0];
  const [created] = await db.insert(ceSettings).values({ orgId }).onConflictDoNothing().returning();
  if (created) return created;
  const again = await db.select().from(ceSettings).where(eq(ceSettings.orgId, orgId)).limit(1);
  if (!again[0]) throw new Error('ce_settings row missing after insert');
  return again[0];
}

export async function updateCeSettings(db: Db, orgId: string, patch: Partial<Omit<CeSettingsRow, 'orgId'>>): Promise<CeSettingsRow> {
  await findCeSettings(db, orgId);
  const [row] = await db.update(ceSettings).set(patch).where(eq(ceSettings.orgId, orgId)).returning();
  if (!row) throw new Error('ce_settings update returned nothing');
  return row;
}

export async function findOrgByInboundTokenHash(db: Db, tokenHash: string): Promise<string | undefined> {
  const rows = await db.select({ orgId: ceSettings.orgId }).from(ceSettings).where(eq(ceSettings.inboundTokenHash, tokenHash)).limit(1);
  return rows[0]?.orgId;
}

export async function insertAssistant(db: Db, orgId: string, values: Omit<typeof ceAssistants.$inferInsert, 'id' | 'orgId'>): Promise<CeAssistantRow> {
  const [row] = await db.insert(ceAssistants).values({ orgId, ...values }).returning();
  if (!row) throw new Error('assistant insert returned nothing');
  return row;
}

export async function listAssistantRows(db: Db, orgId: string): Promise<CeAssistantRow[]> {
  return db.select().from(ceAssistants).where(eq(ceAssistants.orgId, orgId)).orderBy(ceAssistants.name);
}

export async function findAssistant(db: Db, orgId: string, assistantId: string): Promise<CeAssistantRow | undefined> {
  const rows = await db.select().from(ceAssistants).where(and(eq(ceAssistants.orgId, orgId), eq(ceAssistants.id, assistantId))).limit(1);
  return rows[0];
}

export async function findAssistantByEmail(db: Db, orgId: string, email: string): Promise<CeAssistantRow | undefined> {
  const rows = await db.select().from(ceAssistants).where(and(eq(ceAssistants.orgId, orgId), sql`lower(${ceAssistants.email}) = ${email.toLowerCase()}`)).limit(1);
  return rows[0];
}

export async function insertCampaign(db: Db, orgId: string, values: CampaignInsert): Promise<CeCampaignRow> {
  const [row] = await db.insert(ceCampaigns).values({ orgId, ...values }).returning();
  if (!row) throw new Error('campaign insert returned nothing');
  return row;
}

export async function updateCampaign(db: Db, orgId: string, campaignId: string, patch: Partial<CampaignInsert>): Promise<CeCampaignRow | undefined> {
  const [row] = await db.update(ceCampaigns).set(patch).where(and(eq(ceCampaigns.orgId, orgId), eq(ceCampaigns.id, campaignId))).returning();
  return row;
}

/** Compare-and-set on the status, so two clicks cannot both move a campaign. */
export async function setCampaignStatus(db: Db, orgId: string, campaignId: string, from: string, to: string, now: Date): Promise<CeCampaignRow | undefined> {
  const [row] = await db
    .update(ceCampaigns)
    .set({ status: to, statusChangedAt: now, updatedAt: now })
    .where(and(eq(ceCampaigns.orgId, orgId), eq(ceCampaigns.id, campaignId), eq(ceCampaigns.status, from)))
    .returning();
  return row;
}

export async function findCampaign(db: Db, orgId: string, campaignId: string): Promise<CeCampaignRow | undefined> {
  const rows = await db.select().from(ceCampaigns).where(and(eq(ceCampaigns.orgId, orgId), eq(ceCampaigns.id, campaignId))).limit(1);
  return rows[0];
}

export async function listCampaignRows(db: Db, orgId: string, statuses?: readonly string[]): Promise<CeCampaignRow[]> {
  const where = statuses ? and(eq(ceCampaigns.orgId, orgId), inArray(ceCampaigns.status, [...statuses])) : eq(ceCampaigns.orgId, orgId);
  return db.select().from(ceCampaigns).where(where).orderBy(desc(ceCampaigns.createdAt));
}

/** Orgs with at least one campaign in these states (the 15-minute cron enqueues one poll job per org). */
export async function listOrgsWithCampaigns(db: Db, statuses: readonly string[]): Promise<string[]> {
  const rows = await db.selectDistinct({ orgId: ceCampaigns.orgId }).from(ceCampaigns).where(inArray(ceCampaigns.status, [...statuses]));
  return rows.map((row) => row.orgId);
}

export async function campaignCallsOn(db: Db, orgId: string, campaignId: string, usageDay: string): Promise<number> {
  const rows = await db
    .select({ callCount: ceApiUsage.callCount })
    .from(ceApiUsage)
    .where(and(eq(ceApiUsage.orgId, orgId), eq(ceApiUsage.campaignId, campaignId), eq(ceApiUsage.usageDay, usageDay)))
    .limit(1);
  return rows[0]?.callCount ?? 0;
}

export async function addCampaignCalls(db: Db, orgId: string, campaignId: string, usageDay: string, calls: number): Promise<void> {
  if (calls <= 0) return;
  await db
    .insert(ceApiUsage)
    .values({ orgId, campaignId, usageDay, callCount: calls })
    .onConflictDoUpdate({ target: [ceApiUsage.campaignId, ceApiUsage.usageDay], set: { callCount: sql`${ceApiUsage.callCount} + ${calls}` } });
}

export async function totalCampaignCalls(db: Db, orgId: string, campaignId: string): Promise<number> {
  const rows = await db
    .select({ total: sql<number>`coalesce(sum(${ceApiUsage.callCount}), 0)::int` })
    .from(ceApiUsage)
    .where(and(eq(ceApiUsage.orgId, orgId), eq(ceApiUsage.campaignId, campaignId)));
  return rows[0]?.total ?? 0;
}
