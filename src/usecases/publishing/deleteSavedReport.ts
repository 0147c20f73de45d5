import { deleteSavedReportRow } from '../../adapters/db/publishing/savedReportsRepo';
import { AppError } from '../../domain/appError';
import type { Actor } from '../../domain/permissions/policy';
import { assertSegmentPermission } from '../segments/segmentDeps';
import type { PublishingDeps } from './publishSegment';

/** Deletes a saved report; its GTM segments may then be unpublished. */
export async function deleteSavedReport({ orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { reportId: string } }, deps: PublishingDeps) {
  assertSegmentPermission(actor, 'segment.edit', orgId);
  if (!(await deleteSavedReportRow(deps.db, orgId, input.reportId))) throw new AppError('not_found', 'The saved report was not found.');
  return { deletedReportId: input.reportId };
}
