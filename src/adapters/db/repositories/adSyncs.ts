import { and, asc, count, desc, eq, inArray, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../database';
import { adSyncAlerts, adSyncRejections, adSyncs, adSyncSettings, segments, users } from '../schema/index';

/** Syncs, their alerts and rejections, and the organisation's sync settings. Every function filters on orgId. */
export type AdSyncRow = typeof adSyncs.$inferSelect;
export type AdSyncValues = Omit<typeof adSyncs.$inferInsert, 'id' | 'orgId'>;
export type AdSyncAlertRow = typeof adSyncAlerts.$inferSelect;
export type AdSyncSettingsRow = typeof adSyncSettings.$inferSelect;

export async function findAdSync(db: Db, orgId: string, syncId: string): Promise<AdSyncRow | undefined> {
  const rows = await db.select().from(adSyncs).where(and(eq(adSyncs.orgId, orgId), eq(adSyncs.id, syncId))).limit(1);
  return rows[0];
}

export async function findAdSyncByTriple(db: Db, orgId: string, triple: { segmentId: string; channel: string; adAccountId: string }): Promise<AdSyncRow | undefined> {
  const rows = await db
    .select()
    .from(adSyncs)
    .where(and(eq(adSyncs.orgId, orgId), eq(adSyncs.segmentId, triple.segmentId), eq(adSyncs.channel, triple.channel), eq(adSyncs.adAccountId, triple.adAccountId)))
    .limit(1);
  return rows[0];
}

export async function insertAdSync(db: Db, orgId: string, values: AdSyncValues): Promise<AdSyncRow> {
  const [row] = await db.insert(adSyncs).values({ orgId, ...values }).returning();
  if (!row) throw new Error('ad sync insert returned nothing');
  return row;
}

export async function updateAdSync(db: Db, orgId: string, syncId: string, patch: Partial<AdSyncValues>): Promise<void> {
  await db.update(adSyncs).set(patch).where(and(eq(adSyncs.orgId, orgId), eq(adSyncs.id, syncId)));
}

/** Holds the org's sync-limit lock until the transaction ends (count-then-insert without a race). */
export async function lockSyncLimit(db: Db, orgId: string): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`adsync-limit:${orgId}`}))`);
}

/** Syncs toggled on (syncing, synced, failed): what the contracted limit counts. */
export async function countToggledOnSyncs(db: Db, orgId: string): Promise<number> {
  const [row] = await db.select({ value: count() }).from(adSyncs).where(and(eq(adSyncs.orgId, orgId), ne(adSyncs.status, 'inactive')));
  return row?.value ?? 0;
}

export interface AdSyncListFilter {
  readonly status?: string | undefined;
  readonly channel?: string | undefined;
  readonly createdBy?: string | undefined;
  readonly segmentId?: string | undefined;
}

export interface AdSyncListRow extends AdSyncRow {
  readonly segmentName: string;
  readonly segmentLastRefreshedAt: Date | null;
  readonly createdByName: string | null;
  readonly runsOnUserName: string | null;
}

function filterOf(orgId: string, filter: AdSyncListFilter): SQL | undefined {
  return and(
    eq(adSyncs.orgId, orgId),
    filter.status ? eq(adSyncs.status, filter.status) : undefined,
    filter.channel ? eq(adSyncs.channel, filter.channel) : undefined,
    filter.createdBy ? eq(adSyncs.createdBy, filter.createdBy) : undefined,
    filter.segmentId ? eq(adSyncs.segmentId, filter.segmentId) : undefined,
  );
}

export async function listAdSyncs(db: Db, orgId: string, filter: AdSyncListFilter, page: { offset: number; limit: number }): Promise<{ rows: AdSyncListRow[]; total: number }> {
  const where = filterOf(orgId, filter);
  const creator = sql<string | null>`(SELECT name FROM users u WHERE u.id = ${adSyncs.createdBy} AND u.org_id = ${adSyncs.orgId})`;
  const runner = sql<string | null>`(SELECT name FROM users u WHERE u.id = ${adSyncs.runsOnUserId} AND u.org_id = ${adSyncs.orgId})`;
  const rows = await db
    .select({ sync: adSyncs, segmentName: segments.name, segmentLastRefreshedAt: segments.lastRefreshedAt, createdByName: creator, runsOnUserName: runner })
    .from(adSyncs)
    .innerJoin(segments, and(eq(segments.id, adSyncs.segmentId), eq(segments.orgId, adSyncs.orgId)))
    .where(where)
    .orderBy(desc(adSyncs.createdAt), asc(adSyncs.id))
    .offset(page.offset)
    .limit(page.limit);
  const [total] = await db.select({ value: count() }).from(adSyncs).where(where);
  return {
    rows: rows.map((row) => ({ ...row.sync, segmentName: row.segmentName, segmentLastRefreshedAt: row.segmentLastRefreshedAt, createdByName: row.createdByName, runsOnUserName: row.runsOnUserName })),
    total: total?.value ?? 0,
  };
}

/** Toggled-on syncs per segment (the Activations column and the delete guard). */
export async function countActiveSyncsBySegment(db: Db, orgId: string, segmentIds: readonly string[]): Promise<Map<string, number>> {
  if (segmentIds.length === 0) return new Map();
  const rows = await db
    .select({ segmentId: adSyncs.segmentId, value: count() })
    .from(adSyncs)
    .where(and(eq(adSyncs.orgId, orgId), inArray(adSyncs.segmentId, [...segmentIds]), ne(adSyncs.status, 'inactive')))
    .groupBy(adSyncs.segmentId);
  return new Map(rows.map((row) => [row.segmentId, row.value]));
}

/** Syncs to run: toggled on (not failed), whose segment refreshed since their last run, or whose scheduled run is due. */
export async function listDueAdSyncs(db: Db, now: Date): Promise<Array<{ orgId: string; syncId: string; reason: 'segment_refresh' | 'schedule' }>> {
  const rows = await db
    .select({ orgId: adSyncs.orgId, syncId: adSyncs.id, refreshedAt: segments.lastRefreshedAt, syncedAt: adSyncs.syncedSegmentRefreshAt, nextRunAt: adSyncs.nextRunAt })
    .from(adSyncs)
    .innerJoin(segments, and(eq(segments.id, adSyncs.segmentId), eq(segments.orgId, adSyncs.orgId)))
    .where(inArray(adSyncs.status, ['syncing', 'synced']));
  return rows.flatMap((row): Array<{ orgId: string; syncId: string; reason: 'segment_refresh' | 'schedule' }> => {
    const isRefreshed = row.refreshedAt !== null && (row.syncedAt === null || row.refreshedAt > row.syncedAt);
    if (isRefreshed) return [{ orgId: row.orgId, syncId: row.syncId, reason: 'segment_refresh' }];
    if (row.nextRunAt !== null && row.nextRunAt <= now) return [{ orgId: row.orgId, syncId: row.syncId, reason: 'schedule' }];
    return [];
  });
}

export async function findAdSyncSettings(db: Db, orgId: string): Promise<AdSyncSettingsRow> {
  const rows = await db.select().from(adSyncSettings).where(eq(adSyncSettings.orgId, orgId)).limit(1);
  return rows[0] ?? { orgId, contractedSyncLimit: null, googleAdUserDataConsent: 'DENIED', googleAdPersonalizationConsent: 'DENIED', updatedAt: new Date(0) };
}

export async function upsertAdSyncSettings(db: Db, orgId: string, values: Omit<typeof adSyncSettings.$inferInsert, 'orgId'>): Promise<void> {
  await db.insert(adSyncSettings).values({ orgId, ...values }).onConflictDoUpdate({ target: adSyncSettings.orgId, set: values });
}

export async function insertAdSyncAlert(db: Db, orgId: string, values: Omit<typeof adSyncAlerts.$inferInsert, 'id' | 'orgId'>): Promise<void> {
  await db.insert(adSyncAlerts).values({ orgId, ...values });
}

export async function resolveAdSyncAlerts(db: Db, orgId: string, syncId: string, now: Date): Promise<void> {
  await db.update(adSyncAlerts).set({ resolvedAt: now }).where(and(eq(adSyncAlerts.orgId, orgId), eq(adSyncAlerts.syncId, syncId), isNull(adSyncAlerts.resolvedAt)));
}

export async function listOpenAdSyncAlerts(db: Db, orgId: string, syncId: string): Promise<AdSyncAlertRow[]> {
  return db
    .select()
    .from(adSyncAlerts)
    .where(and(eq(adSyncAlerts.orgId, orgId), eq(adSyncAlerts.syncId, syncId), isNull(adSyncAlerts.resolvedAt)))
    .orderBy(desc(adSyncAlerts.createdAt));
}

export async function upsertAdSyncRejections(db: Db, orgId: string, rows: ReadonlyArray<Omit<typeof adSyncRejections.$inferInsert, 'orgId'>>): Promise<void> {
  for (let start = 0; start < rows.length; start += 1_000) {
    await db
      .insert(adSyncRejections)
      .values(rows.slice(start, start + 1_000).map((row) => ({ orgId, ...row })))
      .onConflictDoUpdate({
        target: [adSyncRejections.syncId, adSyncRejections.memberKey],
        set: { runId: sql`excluded.run_id`, code: sql`excluded.code`, reason: sql`excluded.reason`, label: sql`excluded.label`, createdAt: sql`excluded.created_at` },
      });
  }
}

export async function deleteAdSyncRejections(db: Db, orgId: string, syncId: string, memberKeys: readonly number[]): Promise<void> {
  for (let start = 0; start < memberKeys.length; start += 5_000) {
    await db
      .delete(adSyncRejections)
      .where(and(eq(adSyncRejections.orgId, orgId), eq(adSyncRejections.syncId, syncId), inArray(adSyncRejections.memberKey, memberKeys.slice(start, start + 5_000))));
  }
}

export async function listAdSyncRejections(db: Db, orgId: string, syncId: string, limit: number): Promise<{ rows: Array<typeof adSyncRejections.$inferSelect>; total: number }> {
  const where = and(eq(adSyncRejections.orgId, orgId), eq(adSyncRejections.syncId, syncId));
  const rows = await db.select().from(adSyncRejections).where(where).orderBy(asc(adSyncRejections.label)).limit(limit);
  const [total] = await db.select({ value: count() }).from(adSyncRejections).where(where);
  return { rows, total: total?.value ?? 0 };
}

/** Names of an org's users by id (created by / runs on). */
export async function userNames(db: Db, orgId: string, userIds: readonly string[]): Promise<Map<string, { name: string; isActive: boolean }>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name, isActive: users.isActive }).from(users).where(and(eq(users.orgId, orgId), inArray(users.id, [...userIds])));
  return new Map(rows.map((row) => [row.id, { name: row.name, isActive: row.isActive }]));
}
