import { findSegment } from '../../adapters/db/segments/segmentsRepo';
import { AppError } from '../../domain/appError';
import type { Actor } from '../../domain/permissions/policy';
import { assertSegmentPermission, type SegmentDeps } from './segmentDeps';
import { loadSegmentDetail } from './segmentViews';

export async function getSegment({ orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { segmentId: string } }, deps: SegmentDeps) {
  assertSegmentPermission(actor, 'view', orgId);
  const segment = await findSegment(deps.db, orgId, input.segmentId);
  if (!segment) throw new AppError('not_found', 'The segment was not found.');
  return loadSegmentDetail(orgId, segment, deps);
}

/** Loads a segment of the org or throws not_found (another org's segment is not found either). */
export async function requireSegment(orgId: string, segmentId: string, deps: SegmentDeps) {
  const segment = await findSegment(deps.db, orgId, segmentId);
  if (!segment) throw new AppError('not_found', 'The segment was not found.');
  return segment;
}
