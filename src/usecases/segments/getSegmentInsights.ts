import { countMembersBy, type CompositionField } from '../../adapters/db/segments/insightsRepo';
import { listRefreshes } from '../../adapters/db/segments/membershipRepo';
import { toIso } from '../../adapters/db/segments/rows';
import type { CompositionSlice, SegmentInsights } from '../../contracts/segmentInsights';
import { matchRatePercent } from '../../domain/home/freshness';
import type { Actor } from '../../domain/permissions/policy';
import { requireSegment } from './getSegment';
import { assertSegmentPermission, type SegmentDeps } from './segmentDeps';

const SLICES_SHOWN = 8;
const HISTORY_REFRESHES = 60;

/** A segment's make-up, match rate and membership over time, for its Insights tab. */
export async function getSegmentInsights({ orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { segmentId: string } }, deps: SegmentDeps): Promise<SegmentInsights> {
  assertSegmentPermission(actor, 'view', orgId);
  const segment = await requireSegment(orgId, input.segmentId, deps);
  const compositionOf = async (field: CompositionField) => topSlices(await countMembersBy(deps.db, orgId, segment.id, field), field === 'employee_range');
  const [industry, country, size, refreshes] = await Promise.all([
    compositionOf('industry'),
    compositionOf('country'),
    compositionOf('employee_range'),
    listRefreshes(deps.db, orgId, segment.id, HISTORY_REFRESHES),
  ]);
  return {
    memberCount: segment.memberCount,
    matchRatePercent: segment.sourceType === 'filters' ? null : matchRatePercent(segment.matchedCount, segment.recordsRead),
    composition: { industry, country, size },
    history: refreshes
      .filter((refresh) => refresh.status === 'succeeded')
      .reverse()
      .map((refresh) => ({
        refreshId: refresh.id,
        finishedAt: toIso(refresh.finishedAt) ?? '',
        members: refresh.memberCount,
        recordsRead: refresh.recordsRead,
        matched: refresh.matchedCount,
        matchRatePercent: segment.sourceType === 'filters' ? null : matchRatePercent(refresh.matchedCount, refresh.recordsRead),
        addedCount: refresh.addedCount,
        removedCount: refresh.removedCount,
      })),
  };
}

/**
 * The largest values and one "Other" slice for the rest. Company sizes keep their order by size instead ("1 - 9"
 * before "10 - 49" before "1,000 - 4,999"), the way a size chart reads.
 */
export function topSlices(counts: ReadonlyArray<{ value: string | null; count: number }>, isOrderedBySize: boolean): CompositionSlice[] {
  const shown = counts.slice(0, SLICES_SHOWN).map((slice) => ({ value: slice.value, isOther: false, count: slice.count }));
  if (isOrderedBySize) shown.sort((a, b) => sizeRank(a.value) - sizeRank(b.value));
  const otherCount = counts.slice(SLICES_SHOWN).reduce((sum, slice) => sum + slice.count, 0);
  return otherCount > 0 ? [...shown, { value: null, isOther: true, count: otherCount }] : shown;
}

/** The lower bound of a range such as "1,000 - 4,999" or "10001+"; unknown last. */
function sizeRank(value: string | null): number {
  const digits = value?.match(/\d[\d,.]*/)?.[0]?.replaceAll(/[,.]/g, '');
  return digits === undefined ? Number.MAX_SAFE_INTEGER : Number(digits);
}
