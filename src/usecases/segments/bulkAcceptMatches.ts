import { upsertOverrides } from '../../adapters/db/segments/insightsRepo';
import { listSourceRows } from '../../adapters/db/segments/membershipRepo';
import { AppError } from '../../domain/appError';
import type { UnmatchedReason } from '../../domain/matching/types';
import type { Actor } from '../../domain/permissions/policy';
import { requireSegment } from './getSegment';
import { acceptableSuggestion, reasonOf } from './listUnmatchedRows';
import { refreshSegment } from './refreshSegment';
import { assertSegmentPermission, type SegmentDeps } from './segmentDeps';

const percent = (score: number) => `${Math.round(score * 100)}%`;

/**
 * Accepts the best suggested match of every unmatched row (of one reason, or all) whose score is at least minScore,
 * as if the user had fixed each row by hand: the picks are kept on every refresh, the membership is rebuilt from the
 * stored rows at once, and the refresh history records one entry "matches fixed by" this user.
 */
export async function bulkAcceptMatches(
  { orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { segmentId: string; minScore: number; reason?: UnmatchedReason | undefined } },
  deps: SegmentDeps,
) {
  assertSegmentPermission(actor, 'segment.edit', orgId);
  const segment = await requireSegment(orgId, input.segmentId, deps);
  const unmatched = await listSourceRows(deps.db, orgId, segment.id, 'unmatched');
  // One pick per row key: an uploaded file may repeat a line, and both copies share the key.
  const picks = new Map<string, string>();
  for (const row of unmatched) {
    if (input.reason !== undefined && reasonOf(row) !== input.reason) continue;
    const suggestion = acceptableSuggestion(row, input.minScore);
    if (suggestion && !picks.has(row.rowKey)) picks.set(row.rowKey, suggestion.companyId);
  }
  if (picks.size === 0) throw new AppError('validation_failed', `No unmatched row has a suggested match scoring ${percent(input.minScore)} or more: nothing was accepted.`);
  const userId = actor?.kind === 'user' ? (actor.userId ?? null) : null;
  await upsertOverrides(deps.db, orgId, segment.id, [...picks].map(([rowKey, companyId]) => ({ rowKey, companyId })), userId, deps.clock.now());
  const note = `${picks.size} suggested ${picks.size === 1 ? 'match' : 'matches'} scoring ${percent(input.minScore)} or more accepted by hand`;
  const outcome = await refreshSegment({ orgId, segmentId: segment.id, trigger: 'manual_match', reuseStoredRows: true, triggeredBy: userId, note }, deps);
  if (outcome.kind === 'busy') throw new AppError('conflict', 'The segment is refreshing right now; the accepted matches are saved and apply from its next refresh.');
  const updated = await requireSegment(orgId, segment.id, deps);
  return {
    acceptedCount: picks.size,
    counts: { recordsRead: updated.recordsRead, matched: updated.matchedCount, unmatched: updated.unmatchedCount, duplicates: updated.duplicateCount, members: updated.memberCount },
  };
}
