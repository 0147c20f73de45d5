/**
 * Where a segment can be published (publish-segments.txt "Uses for published segments") and the limit on how
 * many segments may be published at once.
 */
export const PUBLISH_USES = ['enrichment', 'account_details', 'gtm', 'api'] as const;
export type PublishUse = (typeof PUBLISH_USES)[number];

/** Column headers of Settings > Published Segments, in the specification's words. */
export const PUBLISH_USE_LABELS: Readonly<Record<PublishUse, string>> = {
  enrichment: 'Segment Name Enrichment',
  account_details: 'Account Details',
  gtm: 'GTM',
  api: 'API',
};

/** "In total, up to 200 segments can be published at any given time for one or more uses." Distinct segments. */
export const MAX_PUBLISHED_SEGMENTS = 200;

export const PUBLISH_LIMIT_MESSAGE =
  `Up to ${MAX_PUBLISHED_SEGMENTS} segments can be published at any given time, and ${MAX_PUBLISHED_SEGMENTS} are published now. ` +
  'Unpublish segments in Settings > Published Segments to make room for new ones.';

/** Whether publishing `segmentId` to one more use would pass the limit: a segment already published counts once. */
export function isOverPublishLimit(publishedSegmentIds: ReadonlySet<string>, segmentId: string): boolean {
  return !publishedSegmentIds.has(segmentId) && publishedSegmentIds.size >= MAX_PUBLISHED_SEGMENTS;
}

export function isPublishUse(value: unknown): value is PublishUse {
  return typeof value === 'string' && (PUBLISH_USES as readonly string[]).includes(value);
}
