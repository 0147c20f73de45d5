import { listOrchestrationRows, listRunRows } from '../../../adapters/db/publishing/enrichmentRepo';
import type { Actor } from '../../../domain/permissions/policy';
import { assertSegmentPermission } from '../../segments/segmentDeps';
import type { EnrichmentDeps } from './enrichmentDeps';
import { toOrchestrationView } from './orchestrationViews';

/** Settings > Orchestrations: every Segment Name Enrichment with its latest run. */
export async function listOrchestrations({ orgId, actor }: { orgId: string; actor: Actor | undefined }, deps: EnrichmentDeps) {
  assertSegmentPermission(actor, 'view', orgId);
  const rows = await listOrchestrationRows(deps.db, orgId);
  const items = [];
  for (const row of rows) items.push(toOrchestrationView(row, (await listRunRows(deps.db, orgId, row.id, 1))[0]));
  return { items };
}
