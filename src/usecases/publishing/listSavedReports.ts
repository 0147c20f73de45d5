import { listSavedReportRows } from '../../adapters/db/publishing/savedReportsRepo';
import type { Actor } from '../../domain/permissions/policy';
import { assertSegmentPermission } from '../segments/segmentDeps';
import type { PublishingDeps } from './publishSegment';
import { toSavedReportView } from './savedReportView';

/** Saved reports of the org with the segments they use. */
export async function listSavedReports({ orgId, actor }: { orgId: string; actor: Actor | undefined }, deps: PublishingDeps) {
  assertSegmentPermission(actor, 'view', orgId);
  return { items: (await listSavedReportRows(deps.db, orgId)).map(toSavedReportView) };
}
