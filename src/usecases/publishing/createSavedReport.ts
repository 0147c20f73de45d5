import { listUsesOf } from '../../adapters/db/publishing/publicationsRepo';
import { insertSavedReport } from '../../adapters/db/publishing/savedReportsRepo';
import { findSegment } from '../../adapters/db/segments/segmentsRepo';
import { AppError } from '../../domain/appError';
import type { SavedReportKind } from '../../domain/publish/savedReports';
import type { Actor } from '../../domain/permissions/policy';
import { assertSegmentPermission } from '../segments/segmentDeps';
import type { PublishingDeps } from './publishSegment';
import { toSavedReportView } from './savedReportView';

/** Saves a report (qualified-account analytics, funnel, or a custom qualification) over GTM segments. */
export async function createSavedReport(
  { orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { kind: SavedReportKind; name: string; segmentIds: readonly string[] } },
  deps: PublishingDeps,
) {
  assertSegmentPermission(actor, 'segment.edit', orgId);
  const uses = await listUsesOf(deps.db, orgId, input.segmentIds);
  for (const segmentId of input.segmentIds) {
    const segment = await findSegment(deps.db, orgId, segmentId);
    if (!segment) throw new AppError('not_found', 'The segment was not found.');
    if (!(uses.get(segmentId) ?? []).includes('gtm')) throw new AppError('validation_failed', `Saved reports use GTM segments only: “${segment.name}” is not published as a GTM segment.`);
  }
  const report = await insertSavedReport(deps.db, orgId, { kind: input.kind, name: input.name.trim(), createdBy: actor?.userId ?? null, segmentIds: input.segmentIds, now: deps.clock.now() });
  return toSavedReportView({ ...report, segmentIds: [...new Set(input.segmentIds)] });
}
