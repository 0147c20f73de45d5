import { deleteSegmentRow } from '../../adapters/db/segments/segmentsRepo';
import { AppError } from '../../domain/appError';
import type { Actor } from '../../domain/permissions/policy';
import { requireSegment } from './getSegment';
import { activationsOf, assertSegmentPermission, type SegmentDeps } from './segmentDeps';
import { deleteBlockedReason } from './segmentViews';

/** Deletes a segment with its members and history; refused while it is synced to an ad account or published. */
export async function deleteSegment({ orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { segmentId: string } }, deps: SegmentDeps) {
  assertSegmentPermission(actor, 'segment.delete', orgId);
  const segment = await requireSegment(orgId, input.segmentId, deps);
  const blocked = deleteBlockedReason((await activationsOf(deps).activationsOf(orgId, [segment.id])).get(segment.id));
  if (blocked) throw new AppError('conflict', blocked);
  if (!(await deleteSegmentRow(deps.db, orgId, segment.id))) throw new AppError('not_found', 'The segment was not found.');
  return { deletedSegmentId: segment.id };
}
