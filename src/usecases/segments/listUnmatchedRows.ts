import { listSourceRows, type SourceRowRecord } from '../../adapters/db/segments/membershipRepo';
import type { UnmatchedReason } from '../../domain/matching/types';
import type { Actor } from '../../domain/permissions/policy';
import { hasEqualFits } from '../../domain/segments/equalFits';
import { UNMATCHED_REASON_LABELS } from '../../domain/segments/unmatchedReasons';
import { requireSegment } from './getSegment';
import { assertSegmentPermission, type SegmentDeps } from './segmentDeps';
import { toSourceRowViews } from './sourceRowViews';

/** A row's reason as stored; rows stored without one read as "no candidate" (unmatchedReasonLabel does the same). */
export function reasonOf(row: SourceRowRecord): UnmatchedReason {
  return row.reason !== null && row.reason in UNMATCHED_REASON_LABELS ? (row.reason as UnmatchedReason) : 'no_candidate';
}

/**
 * The best suggestion of an unmatched row when it scores at least minScore (candidates are stored best first). A row
 * that several companies fit equally has none: taking the first of them would pick one at random, so the row is
 * left for the user to choose (the confirmation page lists the equal fits).
 */
export function acceptableSuggestion(row: SourceRowRecord, minScore: number): { companyId: string; score: number } | undefined {
  if (reasonOf(row) === 'ambiguous' && hasEqualFits(row.candidates)) return undefined;
  const best = row.candidates[0];
  return best !== undefined && best.score >= minScore ? best : undefined;
}

/** The "Unmatched Accounts" of a segment, grouped by reason, filtered by one reason or not. */
export async function listUnmatchedRows(
  { orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { segmentId: string; reason?: UnmatchedReason | undefined; minScore: number; page: number; pageSize: number } },
  deps: SegmentDeps,
) {
  assertSegmentPermission(actor, 'view', orgId);
  const segment = await requireSegment(orgId, input.segmentId, deps);
  const unmatched = await listSourceRows(deps.db, orgId, segment.id, 'unmatched');
  const groups = (Object.keys(UNMATCHED_REASON_LABELS) as UnmatchedReason[])
    .map((reason) => {
      const rows = unmatched.filter((row) => reasonOf(row) === reason);
      return { reason, label: UNMATCHED_REASON_LABELS[reason], rowCount: rows.length, suggestedCount: rows.filter((row) => row.candidates.length > 0).length };
    })
    .filter((group) => group.rowCount > 0);
  const chosen = input.reason === undefined ? unmatched : unmatched.filter((row) => reasonOf(row) === input.reason);
  const start = (input.page - 1) * input.pageSize;
  return {
    groups,
    rows: { items: await toSourceRowViews(orgId, chosen.slice(start, start + input.pageSize), deps), total: chosen.length, page: input.page, pageSize: input.pageSize },
    acceptableCount: chosen.filter((row) => acceptableSuggestion(row, input.minScore) !== undefined).length,
  };
}
