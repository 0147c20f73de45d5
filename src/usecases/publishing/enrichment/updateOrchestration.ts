import { deleteOrchestrationRow, listRunRows, updateOrchestrationRow } from '../../../adapters/db/publishing/enrichmentRepo';
import { AppError } from '../../../domain/appError';
import type { Actor } from '../../../domain/permissions/policy';
import type { ConflictPolicy } from '../../../domain/publish/segmentNameField';
import { assertSegmentPermission } from '../../segments/segmentDeps';
import type { EnrichmentDeps } from './enrichmentDeps';
import { toOrchestrationView } from './orchestrationViews';

/** Changes the conflict policy, turns the daily run on/off, or (isDeleted) removes the orchestration. */
export async function updateOrchestration(
  { orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { orchestrationId: string; conflictPolicy?: ConflictPolicy | undefined; isEnabled?: boolean | undefined; isDeleted?: boolean | undefined } },
  deps: EnrichmentDeps,
) {
  assertSegmentPermission(actor, 'segment.publish', orgId);
  if (input.isDeleted) {
    if (!(await deleteOrchestrationRow(deps.db, orgId, input.orchestrationId))) throw new AppError('not_found', 'The orchestration was not found.');
    return { orchestration: null };
  }
  const row = await updateOrchestrationRow(deps.db, orgId, input.orchestrationId, {
    ...(input.conflictPolicy ? { conflictPolicy: input.conflictPolicy } : {}),
    ...(input.isEnabled === undefined ? {} : { isEnabled: input.isEnabled }),
    updatedAt: deps.clock.now(),
  });
  if (!row) throw new AppError('not_found', 'The orchestration was not found.');
  const [lastRun] = await listRunRows(deps.db, orgId, row.id, 1);
  return { orchestration: toOrchestrationView(row, lastRun) };
}
