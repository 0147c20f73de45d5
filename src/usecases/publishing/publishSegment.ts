import { countPublishedSegments, insertPublication, listUsesOf } from '../../adapters/db/publishing/publicationsRepo';
import type { Db } from '../../adapters/db/database';
import { AppError } from '../../domain/appError';
import { gtmIneligibleReason } from '../../domain/publish/gtmEligibility';
import { MAX_PUBLISHED_SEGMENTS, PUBLISH_LIMIT_MESSAGE, type PublishUse } from '../../domain/publish/publishUses';
import type { Actor } from '../../domain/permissions/policy';
import { conditionsOf, filterNode } from '../../domain/segments/filterTree';
import type { Clock } from '../../ports/clock';
import { findSegment } from '../../adapters/db/segments/segmentsRepo';
import { assertSegmentPermission } from '../segments/segmentDeps';

export interface PublishingDeps {
  readonly db: Db;
  readonly clock: Clock;
}

/** Why a segment cannot be nominated as a GTM segment, or null. */
export function gtmReasonOf(segment: { sourceType: string; filter: unknown }): string | null {
  const parsed = segment.filter === null || segment.filter === undefined ? undefined : filterNode.safeParse(segment.filter);
  const conditions = parsed?.success ? conditionsOf(parsed.data) : [];
  return gtmIneligibleReason({ sourceType: segment.sourceType, conditions });
}

/**
 * Publishes a segment to one or more uses (Settings > Published Segments or the Segments list). At most 200
 * distinct segments may be published; GTM only takes segments from an upload, a CRM report or a CRM list with the
 * allowed filters. Nothing is published when any use is refused.
 */
export async function publishSegment(
  { orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { segmentId: string; uses: readonly PublishUse[] } },
  deps: PublishingDeps,
) {
  assertSegmentPermission(actor, 'segment.publish', orgId);
  const segment = await findSegment(deps.db, orgId, input.segmentId);
  if (!segment) throw new AppError('not_found', 'The segment was not found.');
  if (input.uses.includes('gtm')) {
    const reason = gtmReasonOf(segment);
    if (reason) throw new AppError('validation_failed', reason, { use: 'gtm' });
  }
  const current = (await listUsesOf(deps.db, orgId, [segment.id])).get(segment.id) ?? [];
  if (current.length === 0 && (await countPublishedSegments(deps.db, orgId)) >= MAX_PUBLISHED_SEGMENTS) {
    throw new AppError('limit_reached', PUBLISH_LIMIT_MESSAGE, { maxPublishedSegments: MAX_PUBLISHED_SEGMENTS });
  }
  for (const use of input.uses) {
    const outcome = await insertPublication(deps.db, orgId, { segmentId: segment.id, use, publishedBy: actor?.userId ?? null, now: deps.clock.now(), maxSegments: MAX_PUBLISHED_SEGMENTS });
    if (outcome === 'limit') throw new AppError('limit_reached', PUBLISH_LIMIT_MESSAGE, { maxPublishedSegments: MAX_PUBLISHED_SEGMENTS });
  }
  const uses = (await listUsesOf(deps.db, orgId, [segment.id])).get(segment.id) ?? [];
  return { segmentId: segment.id, uses: uses as PublishUse[] };
}
