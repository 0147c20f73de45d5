import { listApiSegments as listRows } from '../../../adapters/db/publishing/segmentsApiRepo';
import type { Actor } from '../../../domain/permissions/policy';
import type { PublishingDeps } from '../publishSegment';
import { guardSegmentsApi } from './guardSegmentsApi';

/** GET /api/v1/segments: the segments the API shows (published to the API use, or all active ones). */
export async function listApiSegments({ orgId, actor }: { orgId: string; actor: Actor | undefined }, deps: PublishingDeps) {
  const settings = await guardSegmentsApi(orgId, actor, deps);
  const rows = await listRows(deps.db, orgId, settings.scope);
  return { scope: settings.scope, segments: rows.map((row) => ({ id: row.id, name: row.name, accountCount: row.member_count })) };
}
