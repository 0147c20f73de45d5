import { findCompanyNames } from '../../adapters/db/segments/accountsRepo';
import { findSourceRow, upsertOverride } from '../../adapters/db/segments/membershipRepo';
import { AppError } from '../../domain/appError';
import type { Actor } from '../../domain/permissions/policy';
import { requireSegment } from './getSegment';
import { refreshSegment } from './refreshSegment';
import { assertSegmentPermission, type SegmentDeps } from './segmentDeps';
import { toSourceRowViews } from './sourceRowViews';

/**
 * Matches a row to the company a user picked. The pick is stored by the row's key (CRM id, or name|domain|country
 * for uploaded lines) and applied on every refresh while the row is in the source; the membership is rebuilt from
 * the stored rows at once (a diff with why = manual_match), without calling the CRM.
 */
export async function fixUnmatchedRow(
  { orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { segmentId: string; rowNumber: number; companyId: string } },
  deps: SegmentDeps,
) {
  assertSegmentPermission(actor, 'segment.edit', orgId);
  const segment = await requireSegment(orgId, input.segmentId, deps);
  const row = await findSourceRow(deps.db, orgId, segment.id, input.rowNumber);
  if (!row) throw new AppError('not_found', `Row ${input.rowNumber} is not in this segment's source.`);
  if (!(await findCompanyNames(deps.db, orgId, [input.companyId])).has(input.companyId)) {
    throw new AppError('validation_failed', `Company ${input.companyId} is not in the master company database or your private companies.`);
  }
  await upsertOverride(deps.db, orgId, segment.id, row.rowKey, input.companyId, actor?.kind === 'user' ? (actor.userId ?? null) : null, deps.clock.now());
  const outcome = await refreshSegment({ orgId, segmentId: segment.id, trigger: 'edit', reuseStoredRows: true }, deps);
  if (outcome.kind === 'busy') throw new AppError('conflict', 'The segment is refreshing right now; your pick is saved and applies from its next refresh.');
  const updated = await requireSegment(orgId, segment.id, deps);
  const stored = await findSourceRow(deps.db, orgId, segment.id, input.rowNumber);
  if (!stored) throw new AppError('not_found', `Row ${input.rowNumber} is not in this segment's source.`);
  const [view] = await toSourceRowViews(orgId, [stored], deps);
  if (!view) throw new Error('row view missing');
  return {
    row: view,
    counts: { recordsRead: updated.recordsRead, matched: updated.matchedCount, unmatched: updated.unmatchedCount, duplicates: updated.duplicateCount, members: updated.memberCount },
  };
}
