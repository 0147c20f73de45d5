import { countFilterQuery } from '../../adapters/db/segments/compileFilter';
import { queryRows } from '../../adapters/db/segments/rows';
import type { Actor } from '../../domain/permissions/policy';
import { parseOptionalFilter } from './createSegment';
import { refreshReferencedSources } from './refreshReferencedSources';
import { assertSegmentPermission, type SegmentDeps } from './segmentDeps';

/** Live count of the master companies a filter selects (one parameterised query); list/report filters read their source once. */
export async function previewFilterCount({ orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { filter: unknown } }, deps: SegmentDeps) {
  assertSegmentPermission(actor, 'view', orgId);
  const filter = parseOptionalFilter(input.filter);
  if (!filter) return { count: 0 };
  await refreshReferencedSources(orgId, filter, deps, { onlyMissing: true });
  const [row] = await queryRows<{ n: number }>(deps.db, countFilterQuery(orgId, filter));
  return { count: row?.n ?? 0 };
}
