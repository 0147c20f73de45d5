import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { CrmObjectType, CrmRecord } from '../../../ports/crmConnector';
import type { Db } from '../database';
import { crmAccounts, crmContacts, crmLeads, crmSyncCursors, crmSyncRuns } from '../schema/index';

/** Synced CRM records (upserted by (org, provider, external id)), sync cursors and sync runs. Every call takes orgId. */
export type CrmSyncCursorRow = typeof crmSyncCursors.$inferSelect;
export type CrmSyncRunRow = typeof crmSyncRuns.$inferSelect;

function toDate(iso: string | undefined): Date | null {
  return iso ? new Date(iso) : null;
}

async function upsertRecords(db: Db, orgId: string, provider: string, objectType: CrmObjectType, records: readonly CrmRecord[], now: Date): Promise<void> {
  if (records.length === 0) return;
  // A page may hold the same id twice (a record modified while paging); keep the last.
  const unique = [...new Map(records.map((record) => [record.externalId, record])).values()];
  const common = (record: CrmRecord) => ({
    orgId,
    provider,
    externalId: record.externalId,
    name: record.name ?? null,
    country: record.country ?? null,
    ownerExternalId: record.ownerExternalId ?? null,
    ownerName: record.ownerName ?? null,
    modifiedAt: toDate(record.modifiedAt),
    fields: { ...record.fields },
    syncedAt: now,
  });
  const excluded = (column: string) => sql.raw(`excluded.${column}`);
  const commonSet = {
    name: excluded('name'),
    country: excluded('country'),
    ownerExternalId: excluded('owner_external_id'),
    ownerName: excluded('owner_name'),
    modifiedAt: excluded('modified_at'),
    fields: excluded('fields'),
    syncedAt: excluded('synced_at'),
  };
  if (objectType === 'account') {
    await db
      .insert(crmAccounts)
      .values(unique.map((record) => ({ ...common(record), website: record.website ?? null })))
      .onConflictDoUpdate({ target: [crmAccounts.orgId, crmAccounts.provider, crmAccounts.externalId], set: { ...commonSet, website: excluded('website') } });
  } else if (objectType === 'contact') {
    await db
      .insert(crmContacts)
      .values(unique.map((record) => ({ ...common(record), email: record.email ?? null, accountExternalId: record.accountExternalId ?? null, companyName: record.companyName ?? null })))
      .onConflictDoUpdate({
        target: [crmContacts.orgId, crmContacts.provider, crmContacts.externalId],
        set: { ...commonSet, email: excluded('email'), accountExternalId: excluded('account_external_id'), companyName: excluded('company_name') },
      });
  } else {
    await db
      .insert(crmLeads)
      .values(
        unique.map((record) => ({
          ...common(record),
          email: record.email ?? null,
          website: record.website ?? null,
          companyName: record.companyName ?? null,
          isConverted: record.isConverted ?? null,
          convertedAccountExternalId: record.accountExternalId ?? null,
          convertedContactExternalId: record.convertedContactExternalId ?? null,
        })),
      )
      .onConflictDoUpdate({
        target: [crmLeads.orgId, crmLeads.provider, crmLeads.externalId],
        set: {
          ...commonSet,
          email: excluded('email'),
          website: excluded('website'),
          companyName: excluded('company_name'),
          isConverted: excluded('is_converted'),
          convertedAccountExternalId: excluded('converted_account_external_id'),
          convertedContactExternalId: excluded('converted_contact_external_id'),
        },
      });
  }
}

const cursorKey = (orgId: string, provider: string, objectType: CrmObjectType) =>
  and(eq(crmSyncCursors.orgId, orgId), eq(crmSyncCursors.provider, provider), eq(crmSyncCursors.objectType, objectType));

export async function findSyncCursor(db: Db, orgId: string, provider: string, objectType: CrmObjectType): Promise<CrmSyncCursorRow | undefined> {
  const rows = await db.select().from(crmSyncCursors).where(cursorKey(orgId, provider, objectType)).limit(1);
  return rows[0];
}

/** Begins (or re-begins after a crash) a run of one object type from `since`. */
export async function startCursorRun(db: Db, orgId: string, provider: string, objectType: CrmObjectType, runId: string, since: string | null, now: Date): Promise<void> {
  await db
    .insert(crmSyncCursors)
    .values({ orgId, provider, objectType, runId, runSince: since, runCheckpoint: null, runPages: 0, runRecords: 0, updatedAt: now })
    .onConflictDoUpdate({
      target: [crmSyncCursors.orgId, crmSyncCursors.provider, crmSyncCursors.objectType],
      set: { runId, runSince: since, runCheckpoint: null, runPages: 0, runRecords: 0, updatedAt: now },
    });
}

/**
 * One page, all or nothing: the records are upserted and the checkpoint (the page's newest stamp) moves in the same
 * transaction, so a crash either keeps both or neither — and re-reading a page only overwrites rows.
 */
export async function commitSyncPage(
  db: Db,
  orgId: string,
  provider: string,
  objectType: CrmObjectType,
  input: { runId: string; records: readonly CrmRecord[]; checkpoint: string | null },
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    await upsertRecords(tx as unknown as Db, orgId, provider, objectType, input.records, now);
    await tx
      .update(crmSyncCursors)
      .set({
        runCheckpoint: sql`coalesce(${input.checkpoint}, ${crmSyncCursors.runCheckpoint})`,
        runPages: sql`${crmSyncCursors.runPages} + 1`,
        runRecords: sql`${crmSyncCursors.runRecords} + ${input.records.length}`,
        updatedAt: now,
      })
      .where(and(cursorKey(orgId, provider, objectType), eq(crmSyncCursors.runId, input.runId)));
  });
}

/** The object type is fully read: the next run starts from `completedStamp`. */
export async function completeCursorRun(
  db: Db,
  orgId: string,
  provider: string,
  objectType: CrmObjectType,
  input: { completedStamp: string | null; runId: string },
  now: Date,
): Promise<void> {
  await db
    .update(crmSyncCursors)
    .set({ completedStamp: input.completedStamp, lastCompletedRunId: input.runId, runId: null, runSince: null, runCheckpoint: null, runPages: 0, runRecords: 0, updatedAt: now })
    .where(cursorKey(orgId, provider, objectType));
}

export async function deleteSyncState(db: Db, orgId: string, provider: string): Promise<void> {
  await db.delete(crmSyncCursors).where(and(eq(crmSyncCursors.orgId, orgId), eq(crmSyncCursors.provider, provider)));
}

export async function insertSyncRun(db: Db, orgId: string, provider: string, isFull: boolean, now: Date): Promise<CrmSyncRunRow> {
  const [row] = await db.insert(crmSyncRuns).values({ orgId, provider, status: 'running', isFull, startedAt: now }).returning();
  if (!row) throw new Error('sync run insert returned nothing');
  return row;
}

export async function findRunningSyncRun(db: Db, orgId: string, provider: string): Promise<CrmSyncRunRow | undefined> {
  const rows = await db
    .select()
    .from(crmSyncRuns)
    .where(and(eq(crmSyncRuns.orgId, orgId), eq(crmSyncRuns.provider, provider), eq(crmSyncRuns.status, 'running')))
    .orderBy(desc(crmSyncRuns.startedAt))
    .limit(1);
  return rows[0];
}

export async function findLatestSyncRun(db: Db, orgId: string, provider: string): Promise<CrmSyncRunRow | undefined> {
  const rows = await db
    .select()
    .from(crmSyncRuns)
    .where(and(eq(crmSyncRuns.orgId, orgId), eq(crmSyncRuns.provider, provider)))
    .orderBy(desc(crmSyncRuns.startedAt))
    .limit(1);
  return rows[0];
}

export async function updateSyncRun(
  db: Db,
  orgId: string,
  runId: string,
  patch: Partial<Pick<CrmSyncRunRow, 'status' | 'recordsSynced' | 'apiCalls' | 'errorMessage' | 'finishedAt'>>,
): Promise<void> {
  await db.update(crmSyncRuns).set(patch).where(and(eq(crmSyncRuns.orgId, orgId), eq(crmSyncRuns.id, runId)));
}

export async function countCrmRecords(db: Db, orgId: string, provider: string): Promise<Record<CrmObjectType, number>> {
  const one = async (table: typeof crmAccounts | typeof crmContacts | typeof crmLeads) => {
    const [row] = await db.select({ value: count() }).from(table).where(and(eq(table.orgId, orgId), eq(table.provider, provider)));
    return row?.value ?? 0;
  };
  return { account: await one(crmAccounts), contact: await one(crmContacts), lead: await one(crmLeads) };
}

export async function deleteCrmRecords(db: Db, orgId: string, provider: string): Promise<void> {
  for (const table of [crmAccounts, crmContacts, crmLeads]) {
    await db.delete(table).where(and(eq(table.orgId, orgId), eq(table.provider, provider)));
  }
}
