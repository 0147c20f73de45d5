import { claimRun, findOrchestration, loadWrittenValues, recordRunStep, updateRun, type RunItem } from '../../../adapters/db/publishing/enrichmentRepo';
import { enrichmentSegmentNamesByCompany } from '../../../adapters/db/publishing/recordLinksRepo';
import { isCrmConnectorError } from '../../../domain/integrations/crmErrors';
import type { ConflictPolicy } from '../../../domain/publish/segmentNameField';
import type { EnrichmentSystem, EnrichmentTarget } from '../../../ports/enrichmentTarget';
import type { IntegrationDeps } from '../../integrations/integrationDeps';
import { withEnrichmentTarget } from './enrichmentTargets';
import { linkRecordsToCompanies } from './linkRecords';
import { planPage } from './planPage';

/** Thrown when the run stopped on a transient fault: pg-boss retries the job, which resumes from the checkpoint. */
export class TransientEnrichmentError extends Error {
  override readonly name = 'TransientEnrichmentError';
}

export type EnrichmentOutcome = { kind: 'done' } | { kind: 'nothing_to_do' } | { kind: 'interrupted'; message: string };

/**
 * One Segment Name Enrichment run, page by page over every record of the target object: the published segment names
 * of the record's account as of now, only changed records written through the batch API, each step stored with its
 * checkpoint so a run stopped by a fault (or the API budget) resumes where it stopped and loses nothing.
 */
export async function runEnrichment({ orgId, runId }: { orgId: string; runId: string }, deps: IntegrationDeps): Promise<EnrichmentOutcome> {
  const run = await claimRun(deps.db, orgId, runId, deps.clock.now());
  if (!run) return { kind: 'nothing_to_do' };
  const orchestration = await findOrchestration(deps.db, orgId, run.orchestrationId);
  if (!orchestration) return { kind: 'nothing_to_do' };
  const callsBefore = run.apiCalls;
  let target: EnrichmentTarget | undefined;
  try {
    await withEnrichmentTarget(orgId, orchestration.targetSystem as EnrichmentSystem, deps, async (opened) => {
      target = opened;
      const field = await opened.describeField(orchestration.targetObject, orchestration.targetField);
      if (!field || !field.isWritable) throw new FieldUnavailableError(`${opened.displayName} ${orchestration.targetObject} has no field ${orchestration.targetField} the integration user can update.`);
      if (run.checkpoint === END_OF_RECORDS) return;
      let cursor = run.checkpoint ?? undefined;
      for (;;) {
        const page = await opened.listRecords(orchestration.targetObject, field.name, cursor);
        const companyOf = await linkRecordsToCompanies(orgId, opened, orchestration.targetObject, page.records, deps);
        const companyIds = [...companyOf.values()].filter((id): id is string => id !== null);
        const plan = planPage({
          records: page.records,
          companyOf,
          namesOf: await enrichmentSegmentNamesByCompany(deps.db, orgId, companyIds),
          writtenValues: await loadWrittenValues(deps.db, orgId, orchestration.id, page.records.map((record) => record.id)),
          policy: orchestration.conflictPolicy as ConflictPolicy,
          maxLength: field.maxLength,
          lengthUnit: field.lengthUnit === 'bytes' ? 'bytes' : 'chars',
        });
        const step = { runId, orchestrationId: orchestration.id, now: deps.clock.now() };
        for (let start = 0; start < plan.writes.length; start += opened.batchUpdateMax) {
          const batch = plan.writes.slice(start, start + opened.batchUpdateMax);
          const items: RunItem[] = [];
          const written: Array<{ recordId: string; value: string }> = [];
          let retryReason: string | undefined;
          if (run.isDryRun) {
            for (const entry of batch) items.push({ recordId: entry.record.id, outcome: 'would_write', oldValue: entry.record.currentValue, newValue: entry.value, droppedNames: entry.droppedNames, reason: null });
          } else {
            const results = await opened.batchUpdate(orchestration.targetObject, field.name, batch.map((entry) => ({ id: entry.record.id, value: entry.value === '' ? null : entry.value, email: entry.record.email })));
            batch.forEach((entry, index) => {
              const result = results[index];
              const isOk = result?.ok === true;
              if (result && !result.ok && result.isRetryable) {
                retryReason ??= `${result.code}: ${result.message}`;
                return;
              }
              items.push({
                recordId: entry.record.id,
                outcome: isOk ? 'written' : 'failed',
                oldValue: entry.record.currentValue,
                newValue: entry.value,
                droppedNames: entry.droppedNames,
                reason: result && !result.ok ? `${result.code}: ${result.message}` : isOk ? null : 'The provider returned no result for this record.',
              });
              if (isOk) written.push({ recordId: entry.record.id, value: entry.value });
            });
          }
          await recordRunStep(deps.db, orgId, { ...step, items, written, scannedDelta: 0, unchangedDelta: 0, apiCalls: callsBefore + opened.callCount() });
          // A record that may succeed later (rate limit or daily limit hit mid-batch, 5xx) is not a failure: the run stops
          // before its checkpoint passes this page, and the retry writes what is still pending (what was written is unchanged then).
          if (retryReason !== undefined) throw new TransientEnrichmentError(retryReason);
        }
        cursor = page.nextCursor;
        await recordRunStep(deps.db, orgId, {
          ...step,
          items: plan.skipped,
          written: run.isDryRun ? [] : plan.adopted,
          scannedDelta: page.records.length,
          unchangedDelta: plan.unchangedCount,
          checkpoint: cursor ?? END_OF_RECORDS,
          apiCalls: callsBefore + opened.callCount(),
        });
        if (cursor === undefined) break;
      }
    });
  } catch (error) {
    const apiCalls = callsBefore + (target?.callCount() ?? 0);
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof FieldUnavailableError) {
      await updateRun(deps.db, orgId, runId, { status: 'failed', errorMessage: message, apiCalls, finishedAt: deps.clock.now() });
      return { kind: 'interrupted', message };
    }
    // Stopped mid-run: keep the checkpoint; the next attempt (job retry, next day, or "Run now") resumes from it.
    await updateRun(deps.db, orgId, runId, { status: 'interrupted', errorMessage: message, apiCalls });
    if (isCrmConnectorError(error) && (error.kind === 'api_limit' || error.kind === 'reauth')) return { kind: 'interrupted', message };
    throw new TransientEnrichmentError(message);
  }
  await updateRun(deps.db, orgId, runId, { status: 'succeeded', finishedAt: deps.clock.now() });
  return { kind: 'done' };
}

class FieldUnavailableError extends Error {}

/** Checkpoint after the last page: a run resumed after that only needs marking done. */
const END_OF_RECORDS = '~end';
