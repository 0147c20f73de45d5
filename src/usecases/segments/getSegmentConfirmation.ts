import { listSourceRows } from '../../adapters/db/segments/membershipRepo';
import type { Actor } from '../../domain/permissions/policy';
import { countNameCountryFallbacks } from '../../domain/segments/resolveSourceRows';
import { requireSegment } from './getSegment';
import { assertSegmentPermission, type SegmentDeps } from './segmentDeps';
import { toSourceRowViews } from './sourceRowViews';

/** The confirmation page: records read, matched, "Unmatched Accounts" (with reasons), "Duplicate Matches Ignored". */
export async function getSegmentConfirmation(
  { orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { segmentId: string; page: number; pageSize: number } },
  deps: SegmentDeps,
) {
  assertSegmentPermission(actor, 'view', orgId);
  const segment = await requireSegment(orgId, input.segmentId, deps);
  const rows = await listSourceRows(deps.db, orgId, segment.id);
  const start = (input.page - 1) * input.pageSize;
  const unmatched = rows.filter((row) => row.status === 'unmatched');
  const duplicates = rows.filter((row) => row.status === 'duplicate');
  const manual = rows.filter((row) => row.isManualMatch);
  return {
    counts: { recordsRead: segment.recordsRead, matched: segment.matchedCount, unmatched: segment.unmatchedCount, duplicates: segment.duplicateCount, members: segment.memberCount },
    unmatched: { items: await toSourceRowViews(orgId, unmatched.slice(start, start + input.pageSize), deps), total: unmatched.length, page: input.page, pageSize: input.pageSize },
    duplicates: { items: await toSourceRowViews(orgId, duplicates.slice(start, start + input.pageSize), deps), total: duplicates.length, page: input.page, pageSize: input.pageSize },
    manualMatches: await toSourceRowViews(orgId, manual, deps),
    // Counted apart: matched on name and country because the domain is on the exclusion list (a personal address).
    nameCountryMatches: countNameCountryFallbacks(rows),
  };
}
