import { findFolder, updateSegment as updateSegmentRow } from '../../adapters/db/segments/segmentsRepo';
import { AppError } from '../../domain/appError';
import type { Actor } from '../../domain/permissions/policy';
import { conditionsOf } from '../../domain/segments/filterTree';
import { parseOptionalFilter } from './createSegment';
import { requireSegment } from './getSegment';
import { refreshSegment } from './refreshSegment';
import { assertSegmentPermission, type SegmentDeps } from './segmentDeps';
import { loadSegmentDetail } from './segmentViews';

export interface UpdateSegmentInput {
  segmentId: string;
  name?: string | undefined;
  folderId?: string | null | undefined;
  filter?: unknown;
}

/** Rename, move, or change the filters; a filter change rebuilds the membership from the stored rows (with diff). */
export async function updateSegment({ orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: UpdateSegmentInput }, deps: SegmentDeps) {
  assertSegmentPermission(actor, 'segment.edit', orgId);
  const segment = await requireSegment(orgId, input.segmentId, deps);
  if (input.folderId && !(await findFolder(deps.db, orgId, input.folderId))) throw new AppError('not_found', 'The folder was not found.');
  const isFilterChanged = input.filter !== undefined;
  const filter = isFilterChanged ? parseOptionalFilter(input.filter) : undefined;
  if (isFilterChanged && segment.sourceType === 'filters' && (!filter || conditionsOf(filter).length === 0)) {
    throw new AppError('validation_failed', 'A segment built from filters needs at least one filter.');
  }
  await updateSegmentRow(deps.db, orgId, segment.id, {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.folderId !== undefined ? { folderId: input.folderId } : {}),
    ...(isFilterChanged ? { filter } : {}),
    updatedAt: deps.clock.now(),
  });
  if (isFilterChanged) {
    const outcome = await refreshSegment({ orgId, segmentId: segment.id, trigger: 'edit', reuseStoredRows: segment.sourceType !== 'filters' }, deps);
    if (outcome.kind === 'busy') throw new AppError('conflict', 'The segment is refreshing; the new filters apply when it finishes. Try again in a moment.');
  }
  return loadSegmentDetail(orgId, await requireSegment(orgId, segment.id, deps), deps);
}
