import { findCeSettings } from '../../adapters/db/repositories/conversationalEmail/campaignsRepo';
import { markWrites, writesInStatus, type CeWriteRow } from '../../adapters/db/repositories/conversationalEmail/writesRepo';
import { CE_VALUE_KEYS, fieldValuesFor, OPENABM_DNC_FIELD, type CeValueKey, type FieldMap } from '../../domain/conversationalEmail/fieldMapping';
import type { CeRecordUpdate, CeTaskInput } from '../../ports/ceCrm';
import type { CrmCallContext } from '../../ports/crmConnector';
import { ceGateway, type CeDeps } from './ceDeps';
import { withCeSalesforce } from './ceSession';

/**
 * Sends the write-back journal to Salesforce: Tasks (200 per sObject Collections call) and field updates merged per
 * record (200 per call), allOrNone false, each record's result recorded. Crash-safe for Tasks: a batch is marked
 * in_flight before it is sent; a later run asks Salesforce which in-flight Tasks exist (their Description carries the
 * journal key) and only re-sends the others, so a crash between Salesforce's answer and our bookkeeping never
 * duplicates a Task. Field updates are idempotent and simply re-sent.
 */
export interface FlushResult {
  tasksCreated: number;
  tasksRecovered: number;
  tasksFailed: number;
  tasksSkipped: number;
  recordsUpdated: number;
  recordsFailed: number;
}

const BATCH = 200;
const MAX_ROUNDS = 50;

export async function flushCeWrites({ orgId }: { orgId: string }, deps: CeDeps): Promise<FlushResult> {
  const result: FlushResult = { tasksCreated: 0, tasksRecovered: 0, tasksFailed: 0, tasksSkipped: 0, recordsUpdated: 0, recordsFailed: 0 };
  const settings = await findCeSettings(deps.db, orgId);
  const pendingTasks = await writesInStatus(deps.db, orgId, 'task', 'pending', 1);
  const inFlight = await writesInStatus(deps.db, orgId, 'task', 'in_flight', 1);
  const pendingFields = await writesInStatus(deps.db, orgId, 'fields', 'pending', 1);
  if (pendingTasks.length + inFlight.length + pendingFields.length === 0) return result;
  await withCeSalesforce(orgId, deps, async (ctx) => {
    await recoverInFlightTasks(orgId, ctx, deps, result);
    if (settings.isActivitySyncOn) await sendTasks(orgId, ctx, deps, result);
    else await skipTasks(orgId, deps, result);
    if (settings.fieldsReadyAt) {
      const dncField = settings.dncField ?? (settings.fieldMode === 'openabm' ? OPENABM_DNC_FIELD : null);
      await sendFieldUpdates(orgId, ctx, deps, { map: settings.fieldMap as FieldMap, dncField, isActivitySyncOn: settings.isActivitySyncOn }, result);
    }
  });
  return result;
}

function marker(row: CeWriteRow): string {
  return `openabm:${row.idempotencyKey}`;
}

async function recoverInFlightTasks(orgId: string, ctx: CrmCallContext, deps: CeDeps, result: FlushResult): Promise<void> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const rows = await writesInStatus(deps.db, orgId, 'task', 'in_flight', BATCH);
    if (rows.length === 0) return;
    const since = new Date(Math.min(...rows.map((row) => (row.inFlightSince ?? row.createdAt).getTime())) - 60_000);
    const found = await ceGateway(deps).findTasksByMarker(ctx, [...new Set(rows.map((row) => row.crmId))], since, rows.map(marker));
    for (const row of rows) {
      const taskId = found.get(marker(row));
      if (taskId) {
        await markWrites(deps.db, orgId, [row.id], { status: 'done', salesforceId: taskId, doneAt: deps.clock.now(), error: null });
        result.tasksRecovered += 1;
      } else {
        await markWrites(deps.db, orgId, [row.id], { status: 'pending', inFlightSince: null });
      }
    }
  }
}

async function sendTasks(orgId: string, ctx: CrmCallContext, deps: CeDeps, result: FlushResult): Promise<void> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const rows = await writesInStatus(deps.db, orgId, 'task', 'pending', BATCH);
    if (rows.length === 0) return;
    await markWrites(deps.db, orgId, rows.map((row) => row.id), { status: 'in_flight', inFlightSince: deps.clock.now(), isAttempt: true });
    const tasks: CeTaskInput[] = rows.map((row) => ({
      whoId: row.crmId,
      subject: String(row.payload.subject ?? 'Email'),
      activityDate: String(row.payload.activityDate ?? deps.clock.now().toISOString().slice(0, 10)),
      status: 'Completed',
      priority: 'Normal',
      description: String(row.payload.body ?? ''),
      taskSubtype: 'Email',
      marker: marker(row),
    }));
    const outcomes = await ceGateway(deps).createTasks(ctx, tasks);
    deps.ceCrashAfterTaskBatch?.();
    for (const [index, row] of rows.entries()) {
      const outcome = outcomes[index];
      if (outcome?.isSuccess) {
        await markWrites(deps.db, orgId, [row.id], { status: 'done', salesforceId: outcome.id, doneAt: deps.clock.now(), error: null });
        result.tasksCreated += 1;
      } else {
        await markWrites(deps.db, orgId, [row.id], { status: 'failed', error: outcome ? `${outcome.code}: ${outcome.message}` : 'no result' });
        result.tasksFailed += 1;
      }
    }
  }
}

/** Activity sync off: e-mails are not recorded as Tasks (conversational-email-salesforce.txt FAQ). */
async function skipTasks(orgId: string, deps: CeDeps, result: FlushResult): Promise<void> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const rows = await writesInStatus(deps.db, orgId, 'task', 'pending', 1000);
    if (rows.length === 0) return;
    await markWrites(deps.db, orgId, rows.map((row) => row.id), { status: 'failed', error: 'Not written: activity sync is off.' });
    result.tasksSkipped += rows.length;
  }
}

interface FieldOptions {
  readonly map: FieldMap;
  readonly dncField: string | null;
  readonly isActivitySyncOn: boolean;
}

async function sendFieldUpdates(orgId: string, ctx: CrmCallContext, deps: CeDeps, options: FieldOptions, result: FlushResult): Promise<void> {
  const ownerIds = new Map<string, string | undefined>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const rows = await writesInStatus(deps.db, orgId, 'fields', 'pending', BATCH * 5);
    if (rows.length === 0) return;
    // Later writes win: the journal is read in creation order and merged per record.
    const byRecord = new Map<string, { object: 'lead' | 'contact'; crmId: string; values: Record<string, string | boolean | null>; rowIds: string[] }>();
    for (const row of rows) {
      const key = `${row.crmObject}:${row.crmId}`;
      const entry = byRecord.get(key) ?? { object: row.crmObject === 'contact' ? 'contact' : 'lead', crmId: row.crmId, values: {}, rowIds: [] };
      Object.assign(entry.values, row.payload);
      entry.rowIds.push(row.id);
      byRecord.set(key, entry);
    }
    const updates: Array<CeRecordUpdate & { rowIds: string[] }> = [];
    for (const entry of byRecord.values()) {
      const logical: Partial<Record<CeValueKey, string>> = {};
      for (const key of CE_VALUE_KEYS) if (typeof entry.values[key] === 'string') logical[key] = entry.values[key] as string;
      const fields: Record<string, string | boolean | null> = fieldValuesFor(options.map, entry.object, logical, { isActivitySyncOn: options.isActivitySyncOn });
      if (entry.values.dnc === true && options.dncField) fields[options.dncField] = true;
      const ownerEmail = entry.values.ownerEmail;
      if (typeof ownerEmail === 'string') {
        if (!ownerIds.has(ownerEmail)) ownerIds.set(ownerEmail, await ceGateway(deps).findUserIdByEmail(ctx, ownerEmail));
        const ownerId = ownerIds.get(ownerEmail);
        if (ownerId) fields.OwnerId = ownerId;
      }
      if (Object.keys(fields).length === 0) {
        await markWrites(deps.db, orgId, entry.rowIds, { status: 'done', doneAt: deps.clock.now() });
        continue;
      }
      updates.push({ object: entry.object, crmId: entry.crmId, fields, rowIds: entry.rowIds });
    }
    if (updates.length === 0) continue;
    await markWrites(deps.db, orgId, updates.flatMap((update) => update.rowIds), { isAttempt: true });
    const outcomes = await ceGateway(deps).updateRecords(ctx, updates);
    for (const [index, update] of updates.entries()) {
      const outcome = outcomes[index];
      if (outcome?.isSuccess) {
        await markWrites(deps.db, orgId, update.rowIds, { status: 'done', doneAt: deps.clock.now(), error: null });
        result.recordsUpdated += 1;
      } else {
        await markWrites(deps.db, orgId, update.rowIds, { status: 'failed', error: outcome ? `${outcome.code}: ${outcome.message}` : 'no result' });
        result.recordsFailed += 1;
      }
    }
  }
}
