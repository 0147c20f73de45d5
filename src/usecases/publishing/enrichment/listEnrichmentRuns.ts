import { findOrchestration, findRun, listRunItemRows, listRunRows } from '../../../adapters/db/publishing/enrichmentRepo';
import { AppError } from '../../../domain/appError';
import type { Actor } from '../../../domain/permissions/policy';
import { assertSegmentPermission } from '../../segments/segmentDeps';
import type { EnrichmentDeps } from './enrichmentDeps';
import { toRunView } from './orchestrationViews';

/** Run history of one orchestration; with runId, that run's records (written, would write, skipped, failed). */
export async function listEnrichmentRuns(
  { orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { orchestrationId: string; runId?: string | undefined; outcome?: string | undefined; page: number; pageSize: number } },
  deps: EnrichmentDeps,
) {
  assertSegmentPermission(actor, 'view', orgId);
  if (!(await findOrchestration(deps.db, orgId, input.orchestrationId))) throw new AppError('not_found', 'The orchestration was not found.');
  const runs = (await listRunRows(deps.db, orgId, input.orchestrationId, 30)).map(toRunView);
  if (!input.runId) return { runs, items: null };
  const run = await findRun(deps.db, orgId, input.runId);
  if (!run || run.orchestrationId !== input.orchestrationId) throw new AppError('not_found', 'The run was not found.');
  const rows = await listRunItemRows(deps.db, orgId, run.id, { outcome: input.outcome, limit: input.pageSize, offset: (input.page - 1) * input.pageSize });
  return {
    runs,
    items: {
      items: rows.map((row) => ({ recordId: row.record_id, outcome: row.outcome, oldValue: row.old_value, newValue: row.new_value, droppedNames: row.dropped_names, reason: row.reason })),
      total: rows[0]?.total ?? 0,
      page: input.page,
      pageSize: input.pageSize,
    },
  };
}
