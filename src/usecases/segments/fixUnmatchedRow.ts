import { findCompanyNames } from '../../adapters/db/segments/accountsRepo';
import { deleteOverride, findSourceRow, upsertOverride } from '../../adapters/db/segments/membershipRepo';
import { AppError } from '../../domain/appError';
import type { Actor } from '../../domain/permissions/policy';
import { requireSegment } from './getSegment';
import { refreshSegment } from './refreshSegment';
import { assertSegmentPermission, type SegmentDeps } from './segmentDeps';
import { toSourceRowViews } from './sourceRowViews';

type RowInput = { segmentId: string; rowNumber: number };

/**
 * Matches a row to the company a user picked (or changes an earlier pick). The pick is stored by the row's key (CRM
 * id, or name|domain|country for uploaded lines) and applied on every refresh while the row is in the source; the
 * membership is rebuilt from the stored rows at once (a diff with why = manual_match), without calling the CRM, and
 * the refresh history records it as a match fixed by this user.
 */
export async function fixUnmatchedRow({ orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: RowInput & { companyId: string } }, deps: SegmentDeps) {
  assertSegmentPermission(actor, 'segment.edit', orgId);
  const segment = await requireSegment(orgId, input.segmentId, deps);
  const row = await requireRow(orgId, segment.id, input.rowNumber, deps);
  const company = (await findCompanyNames(deps.db, orgId, [input.companyId])).get(input.companyId);
  if (!company) throw new AppError('validation_failed', `Company ${input.companyId} is not in the master company database or your private companies.`);
  await upsertOverride(deps.db, orgId, segment.id, row.rowKey, input.companyId, userIdOf(actor), deps.clock.now());
  return rebuild(orgId, actor, segment.id, input.rowNumber, `Row ${input.rowNumber} matched to ${company.name} by hand`, deps);
}

/** Undoes a hand fix: the row goes back to what the matching engine found (unmatched, with its candidates). */
export async function undoRowFix({ orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: RowInput }, deps: SegmentDeps) {
  assertSegmentPermission(actor, 'segment.edit', orgId);
  const segment = await requireSegment(orgId, input.segmentId, deps);
  const row = await requireRow(orgId, segment.id, input.rowNumber, deps);
  if (!(await deleteOverride(deps.db, orgId, segment.id, row.rowKey))) throw new AppError('validation_failed', `Row ${input.rowNumber} was not fixed by hand: there is nothing to undo.`);
  return rebuild(orgId, actor, segment.id, input.rowNumber, `Row ${input.rowNumber}: hand fix undone`, deps);
}

function userIdOf(actor: Actor | undefined): string | null {
  return actor?.kind === 'user' ? (actor.userId ?? null) : null;
}

async function requireRow(orgId: string, segmentId: string, rowNumber: number, deps: SegmentDeps) {
  const row = await findSourceRow(deps.db, orgId, segmentId, rowNumber);
  if (!row) throw new AppError('not_found', `Row ${rowNumber} is not in this segment's source.`);
  return row;
}

async function rebuild(orgId: string, actor: Actor | undefined, segmentId: string, rowNumber: number, note: string, deps: SegmentDeps) {
  const outcome = await refreshSegment({ orgId, segmentId, trigger: 'manual_match', reuseStoredRows: true, triggeredBy: userIdOf(actor), note }, deps);
  if (outcome.kind === 'busy') throw new AppError('conflict', 'The segment is refreshing right now; your change is saved and applies from its next refresh.');
  const updated = await requireSegment(orgId, segmentId, deps);
  const stored = await requireRow(orgId, segmentId, rowNumber, deps);
  const [view] = await toSourceRowViews(orgId, [stored], deps);
  if (!view) throw new Error('row view missing');
  return {
    row: view,
    counts: { recordsRead: updated.recordsRead, matched: updated.matchedCount, unmatched: updated.unmatchedCount, duplicates: updated.duplicateCount, members: updated.memberCount },
  };
}
