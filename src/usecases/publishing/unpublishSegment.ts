import { deletePublication, listSavedReportsUsing, listUsesOf } from '../../adapters/db/publishing/publicationsRepo';
import { AppError } from '../../domain/appError';
import type { PublishUse } from '../../domain/publish/publishUses';
import { gtmInUseMessage, type SavedReportKind } from '../../domain/publish/savedReports';
import type { Actor } from '../../domain/permissions/policy';
import { findSegment } from '../../adapters/db/segments/segmentsRepo';
import { assertSegmentPermission } from '../segments/segmentDeps';
import type { PublishingDeps } from './publishSegment';

/** Unpublishes a segment from one use; a GTM segment used by a saved report stays published, and the message names the report. */
export async function unpublishSegment(
  { orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { segmentId: string; use: PublishUse } },
  deps: PublishingDeps,
) {
  assertSegmentPermission(actor, 'segment.publish', orgId);
  const segment = await findSegment(deps.db, orgId, input.segmentId);
  if (!segment) throw new AppError('not_found', 'The segment was not found.');
  if (input.use === 'gtm') {
    const users = (await listSavedReportsUsing(deps.db, orgId, [segment.id])).get(segment.id) ?? [];
    if (users.length > 0) {
      throw new AppError('conflict', gtmInUseMessage(segment.name, users.map((user) => ({ kind: user.kind as SavedReportKind, name: user.name }))), {
        usedBy: users,
      });
    }
  }
  await deletePublication(deps.db, orgId, segment.id, input.use);
  const uses = (await listUsesOf(deps.db, orgId, [segment.id])).get(segment.id) ?? [];
  return { segmentId: segment.id, uses: uses as PublishUse[] };
}
