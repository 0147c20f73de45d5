import { countPublishedSegments, listPublishingRows, listSavedReportsUsing } from '../../adapters/db/publishing/publicationsRepo';
import { MAX_PUBLISHED_SEGMENTS, type PublishUse } from '../../domain/publish/publishUses';
import { SAVED_REPORT_KIND_LABELS, type SavedReportKind } from '../../domain/publish/savedReports';
import type { Actor } from '../../domain/permissions/policy';
import { SOURCE_TYPE_LABELS, type SourceType } from '../../domain/segments/segmentSource';
import { assertSegmentPermission } from '../segments/segmentDeps';
import { gtmReasonOf, type PublishingDeps } from './publishSegment';

/** Settings > Published Segments: every segment with a checkbox per use, GTM eligibility and who uses it. */
export async function listPublishedSegments(
  { orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { search?: string | undefined; isPublishedOnly: boolean; page: number; pageSize: number } },
  deps: PublishingDeps,
) {
  assertSegmentPermission(actor, 'view', orgId);
  const rows = await listPublishingRows(deps.db, orgId, {
    search: input.search?.trim() || undefined,
    isPublishedOnly: input.isPublishedOnly,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  const usedBy = await listSavedReportsUsing(deps.db, orgId, rows.map((row) => row.id));
  return {
    items: rows.map((row) => ({
      segmentId: row.id,
      name: row.name,
      sourceLabel: SOURCE_TYPE_LABELS[row.source_type as SourceType] ?? row.source_type,
      memberCount: row.member_count,
      status: row.status,
      uses: (row.uses ?? []) as PublishUse[],
      gtmIneligibleReason: gtmReasonOf({ sourceType: row.source_type, filter: row.filter }),
      usedBy: (usedBy.get(row.id) ?? []).map((report) => ({ ...report, kind: report.kind as SavedReportKind, kindLabel: SAVED_REPORT_KIND_LABELS[report.kind as SavedReportKind] ?? report.kind })),
    })),
    total: rows[0]?.total ?? 0,
    page: input.page,
    pageSize: input.pageSize,
    publishedCount: await countPublishedSegments(deps.db, orgId),
    maxPublished: MAX_PUBLISHED_SEGMENTS,
  };
}
