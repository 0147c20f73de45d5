import { countApiKeyRequest, findSegmentsApiSettings } from '../../../adapters/db/publishing/segmentsApiRepo';
import { AppError } from '../../../domain/appError';
import { rateLimitMessage, rateWindowStart, retryAfterSeconds, SEGMENTS_API_REQUESTS_PER_MINUTE } from '../../../domain/publish/apiRateLimit';
import type { Actor } from '../../../domain/permissions/policy';
import { assertSegmentPermission } from '../../segments/segmentDeps';
import type { PublishingDeps } from '../publishSegment';

export const SEGMENTS_API_OFF_MESSAGE = 'Segments are turned off for the API. An administrator can turn them on in Settings > API.';

/** Every Segments API call: the org's switch must be on, and each API key has its own per-minute limit (429 + Retry-After). */
export async function guardSegmentsApi(orgId: string, actor: Actor | undefined, deps: PublishingDeps & { limitPerMinute?: number }) {
  assertSegmentPermission(actor, 'view', orgId);
  const settings = await findSegmentsApiSettings(deps.db, orgId);
  if (!settings.isEnabled) throw new AppError('forbidden', SEGMENTS_API_OFF_MESSAGE);
  if (actor?.apiKeyId) {
    const now = deps.clock.now();
    const limit = deps.limitPerMinute ?? SEGMENTS_API_REQUESTS_PER_MINUTE;
    const count = await countApiKeyRequest(deps.db, actor.apiKeyId, rateWindowStart(now));
    if (count > limit) {
      const wait = retryAfterSeconds(now);
      throw new AppError('rate_limited', rateLimitMessage(limit, wait), { retryAfterSeconds: wait }, wait);
    }
  }
  return settings;
}
