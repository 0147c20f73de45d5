import { findSegmentsApiSettings, saveSegmentsApiSettings } from '../../../adapters/db/publishing/segmentsApiRepo';
import type { Actor } from '../../../domain/permissions/policy';
import { SEGMENTS_API_REQUESTS_PER_MINUTE } from '../../../domain/publish/apiRateLimit';
import { assertSegmentPermission } from '../../segments/segmentDeps';
import type { PublishingDeps } from '../publishSegment';

/** Settings > API: segments on/off and "Published segments" or "All active segments" (with the per-key rate limit); reads without input, saves with it. */
export async function segmentsApiSettings(
  { orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { isEnabled: boolean; scope: 'published' | 'all_active' } | undefined },
  deps: PublishingDeps,
) {
  assertSegmentPermission(actor, input ? 'apiKeys.manage' : 'view', orgId);
  if (input) await saveSegmentsApiSettings(deps.db, orgId, { ...input, now: deps.clock.now() });
  return { ...(await findSegmentsApiSettings(deps.db, orgId)), requestsPerMinute: SEGMENTS_API_REQUESTS_PER_MINUTE };
}
