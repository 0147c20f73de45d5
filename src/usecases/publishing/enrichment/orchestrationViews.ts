import type { EnrichmentRunRow, OrchestrationRow } from '../../../adapters/db/publishing/enrichmentRepo';
import type { ConflictPolicy } from '../../../domain/publish/segmentNameField';
import type { EnrichmentSystem } from '../../../ports/enrichmentTarget';

export function toRunView(run: EnrichmentRunRow) {
  return {
    id: run.id,
    trigger: run.trigger as 'schedule' | 'manual',
    isDryRun: run.isDryRun,
    status: run.status as 'queued' | 'running' | 'interrupted' | 'succeeded' | 'failed',
    recordsScanned: run.recordsScanned,
    recordsWritten: run.recordsWritten,
    recordsUnchanged: run.recordsUnchanged,
    recordsSkipped: run.recordsSkipped,
    recordsFailed: run.recordsFailed,
    recordsTruncated: run.recordsTruncated,
    apiCalls: run.apiCalls,
    attempts: run.attempts,
    errorMessage: run.errorMessage,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

export function toOrchestrationView(row: OrchestrationRow, lastRun: EnrichmentRunRow | undefined) {
  return {
    id: row.id,
    name: row.name,
    targetSystem: row.targetSystem as EnrichmentSystem,
    targetObject: row.targetObject,
    targetField: row.targetField,
    fieldLabel: row.fieldLabel,
    fieldType: row.fieldType,
    fieldLength: row.fieldLength,
    conflictPolicy: row.conflictPolicy as ConflictPolicy,
    isEnabled: row.isEnabled,
    lastRun: lastRun ? toRunView(lastRun) : null,
  };
}
