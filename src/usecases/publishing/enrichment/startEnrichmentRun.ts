import { findOrchestration, findUnfinishedRun, insertRun } from '../../../adapters/db/publishing/enrichmentRepo';
import { AppError } from '../../../domain/appError';
import type { Actor } from '../../../domain/permissions/policy';
import { assertSegmentPermission } from '../../segments/segmentDeps';
import { RUN_ENRICHMENT_JOB, type EnrichmentDeps } from './enrichmentDeps';
import { toRunView } from './orchestrationViews';

/**
 * "Run now", "Dry run" or the daily schedule: queues a run. A run that stopped part-way (fault, API budget) is
 * resumed instead of starting over, so nothing it did is lost or repeated.
 */
export async function startEnrichmentRun(
  { orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { orchestrationId: string; isDryRun: boolean; trigger: 'manual' | 'schedule' } },
  deps: EnrichmentDeps,
) {
  assertSegmentPermission(actor, 'segment.publish', orgId);
  const orchestration = await findOrchestration(deps.db, orgId, input.orchestrationId);
  if (!orchestration) throw new AppError('not_found', 'The orchestration was not found.');
  const run = (await findUnfinishedRun(deps.db, orgId, orchestration.id, input.isDryRun)) ?? (await insertRun(deps.db, orgId, { orchestrationId: orchestration.id, trigger: input.trigger, isDryRun: input.isDryRun, now: deps.clock.now() }));
  await deps.jobs.enqueue(RUN_ENRICHMENT_JOB, { orgId, runId: run.id }, { singletonKey: `enrichment-run:${run.id}` });
  return { run: toRunView(run) };
}
