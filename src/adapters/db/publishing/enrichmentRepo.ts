import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { enrichmentOrchestrations, enrichmentRunItems, enrichmentRuns, enrichmentWrittenValues } from '../schema/index';
import { queryRows } from '../segments/rows';

export type OrchestrationRow = typeof enrichmentOrchestrations.$inferSelect;
export type EnrichmentRunRow = typeof enrichmentRuns.$inferSelect;
export type RunItem = Omit<typeof enrichmentRunItems.$inferInsert, 'orgId' | 'runId'>;

export async function insertOrchestration(db: Db, orgId: string, values: Omit<typeof enrichmentOrchestrations.$inferInsert, 'orgId' | 'id'>): Promise<OrchestrationRow> {
  const [row] = await db.insert(enrichmentOrchestrations).values({ ...values, orgId }).returning();
  if (!row) throw new Error('orchestration insert returned nothing');
  return row;
}

export async function updateOrchestrationRow(db: Db, orgId: string, id: string, patch: Partial<Omit<typeof enrichmentOrchestrations.$inferInsert, 'orgId' | 'id'>>): Promise<OrchestrationRow | undefined> {
  const [row] = await db.update(enrichmentOrchestrations).set(patch).where(and(eq(enrichmentOrchestrations.orgId, orgId), eq(enrichmentOrchestrations.id, id))).returning();
  return row;
}

export async function findOrchestration(db: Db, orgId: string, id: string): Promise<OrchestrationRow | undefined> {
  const [row] = await db.select().from(enrichmentOrchestrations).where(and(eq(enrichmentOrchestrations.orgId, orgId), eq(enrichmentOrchestrations.id, id)));
  return row;
}

export async function listOrchestrationRows(db: Db, orgId: string): Promise<OrchestrationRow[]> {
  return db.select().from(enrichmentOrchestrations).where(eq(enrichmentOrchestrations.orgId, orgId)).orderBy(enrichmentOrchestrations.createdAt);
}

export async function deleteOrchestrationRow(db: Db, orgId: string, id: string): Promise<boolean> {
  const deleted = await db.delete(enrichmentOrchestrations).where(and(eq(enrichmentOrchestrations.orgId, orgId), eq(enrichmentOrchestrations.id, id))).returning({ id: enrichmentOrchestrations.id });
  return deleted.length > 0;
}

/** Every enabled orchestration of every organisation (the daily schedule). */
export async function listEnabledOrchestrations(db: Db): Promise<Array<{ orgId: string; id: string }>> {
  return db.select({ orgId: enrichmentOrchestrations.orgId, id: enrichmentOrchestrations.id }).from(enrichmentOrchestrations).where(eq(enrichmentOrchestrations.isEnabled, true));
}

export async function insertRun(db: Db, orgId: string, values: { orchestrationId: string; trigger: string; isDryRun: boolean; now: Date }): Promise<EnrichmentRunRow> {
  const [row] = await db.insert(enrichmentRuns).values({ orgId, orchestrationId: values.orchestrationId, trigger: values.trigger, isDryRun: values.isDryRun, status: 'queued', createdAt: values.now }).returning();
  if (!row) throw new Error('run insert returned nothing');
  return row;
}

export async function findRun(db: Db, orgId: string, runId: string): Promise<EnrichmentRunRow | undefined> {
  const [row] = await db.select().from(enrichmentRuns).where(and(eq(enrichmentRuns.orgId, orgId), eq(enrichmentRuns.id, runId)));
  return row;
}

/** The run of this orchestration that has not finished (queued, running or interrupted), if any. */
export async function findUnfinishedRun(db: Db, orgId: string, orchestrationId: string, isDryRun: boolean): Promise<EnrichmentRunRow | undefined> {
  const [row] = await db
    .select()
    .from(enrichmentRuns)
    .where(and(eq(enrichmentRuns.orgId, orgId), eq(enrichmentRuns.orchestrationId, orchestrationId), eq(enrichmentRuns.isDryRun, isDryRun), inArray(enrichmentRuns.status, ['queued', 'running', 'interrupted'])))
    .orderBy(desc(enrichmentRuns.createdAt))
    .limit(1);
  return row;
}

/** queued/interrupted (or a running one whose worker died: pg-boss retried the job) → running. */
export async function claimRun(db: Db, orgId: string, runId: string, now: Date): Promise<EnrichmentRunRow | undefined> {
  const [row] = await db
    .update(enrichmentRuns)
    .set({ status: 'running', attempts: sql`${enrichmentRuns.attempts} + 1`, startedAt: sql`coalesce(${enrichmentRuns.startedAt}, ${now.toISOString()}::timestamptz)`, errorMessage: null })
    .where(and(eq(enrichmentRuns.orgId, orgId), eq(enrichmentRuns.id, runId), inArray(enrichmentRuns.status, ['queued', 'running', 'interrupted'])))
    .returning();
  return row;
}

export async function updateRun(db: Db, orgId: string, runId: string, patch: Partial<Omit<typeof enrichmentRuns.$inferInsert, 'orgId' | 'id'>>): Promise<void> {
  await db.update(enrichmentRuns).set(patch).where(and(eq(enrichmentRuns.orgId, orgId), eq(enrichmentRuns.id, runId)));
}

export async function listRunRows(db: Db, orgId: string, orchestrationId: string, limit: number): Promise<EnrichmentRunRow[]> {
  return db.select().from(enrichmentRuns).where(and(eq(enrichmentRuns.orgId, orgId), eq(enrichmentRuns.orchestrationId, orchestrationId))).orderBy(desc(enrichmentRuns.createdAt)).limit(limit);
}

export async function listRunItemRows(db: Db, orgId: string, runId: string, filter: { outcome: string | undefined; limit: number; offset: number }) {
  return queryRows<{ record_id: string; outcome: string; old_value: string | null; new_value: string | null; dropped_names: string[]; reason: string | null; total: number }>(
    db,
    sql`SELECT record_id, outcome, old_value, new_value, dropped_names, reason, count(*) OVER ()::int AS total FROM enrichment_run_items
        WHERE org_id = ${orgId} AND run_id = ${runId} AND (${filter.outcome ?? null}::text IS NULL OR outcome = ${filter.outcome ?? null})
        ORDER BY record_id LIMIT ${filter.limit} OFFSET ${filter.offset}`,
  );
}

/** What openabm last wrote into each record of the orchestration's field. */
export async function loadWrittenValues(db: Db, orgId: string, orchestrationId: string, recordIds: readonly string[]): Promise<Map<string, string>> {
  if (recordIds.length === 0) return new Map();
  const rows = await db
    .select({ recordId: enrichmentWrittenValues.recordId, value: enrichmentWrittenValues.value })
    .from(enrichmentWrittenValues)
    .where(and(eq(enrichmentWrittenValues.orgId, orgId), eq(enrichmentWrittenValues.orchestrationId, orchestrationId), inArray(enrichmentWrittenValues.recordId, [...recordIds])));
  return new Map(rows.map((row) => [row.recordId, row.value ?? '']));
}

/**
 * Stores one step of a run in one transaction: its per-record items (a resumed step replaces them), the values
 * openabm now owns, and the run's counters and checkpoint. Written/failed/skipped counters are recounted from the
 * items, so a step repeated after a fault never counts twice.
 */
export async function recordRunStep(
  db: Db,
  orgId: string,
  step: { runId: string; orchestrationId: string; items: readonly RunItem[]; written: ReadonlyArray<{ recordId: string; value: string }>; now: Date; scannedDelta: number; unchangedDelta: number; checkpoint?: string | null; apiCalls?: number },
): Promise<void> {
  await db.transaction(async (tx) => {
    if (step.items.length > 0) {
      await tx
        .insert(enrichmentRunItems)
        .values(step.items.map((item) => ({ ...item, orgId, runId: step.runId })))
        .onConflictDoUpdate({
          target: [enrichmentRunItems.runId, enrichmentRunItems.recordId],
          set: { outcome: sql`excluded.outcome`, oldValue: sql`excluded.old_value`, newValue: sql`excluded.new_value`, droppedNames: sql`excluded.dropped_names`, reason: sql`excluded.reason` },
        });
    }
    if (step.written.length > 0) {
      await tx
        .insert(enrichmentWrittenValues)
        .values(step.written.map((entry) => ({ orgId, orchestrationId: step.orchestrationId, recordId: entry.recordId, value: entry.value, writtenAt: step.now })))
        .onConflictDoUpdate({ target: [enrichmentWrittenValues.orchestrationId, enrichmentWrittenValues.recordId], set: { value: sql`excluded.value`, writtenAt: sql`excluded.written_at` } });
    }
    await tx.execute(sql`
      UPDATE enrichment_runs r SET
        records_scanned = r.records_scanned + ${step.scannedDelta},
        records_unchanged = r.records_unchanged + ${step.unchangedDelta},
        records_written = c.written, records_failed = c.failed, records_skipped = c.skipped, records_truncated = c.truncated
        ${step.checkpoint === undefined ? sql`` : sql`, checkpoint = ${step.checkpoint}`}
        ${step.apiCalls === undefined ? sql`` : sql`, api_calls = ${step.apiCalls}`}
      FROM (SELECT count(*) FILTER (WHERE outcome IN ('written', 'would_write'))::int AS written,
                   count(*) FILTER (WHERE outcome = 'failed')::int AS failed,
                   count(*) FILTER (WHERE outcome = 'skipped')::int AS skipped,
                   count(*) FILTER (WHERE jsonb_array_length(dropped_names) > 0)::int AS truncated
            FROM enrichment_run_items WHERE org_id = ${orgId} AND run_id = ${step.runId}) c
      WHERE r.org_id = ${orgId} AND r.id = ${step.runId}`);
  });
}
