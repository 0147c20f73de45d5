import { z } from 'zod';
import { MAX_PUBLISHED_SEGMENTS, PUBLISH_USES, PUBLISH_USE_LABELS } from '../domain/publish/publishUses';
import { SAVED_REPORT_KINDS, SAVED_REPORT_KIND_LABELS } from '../domain/publish/savedReports';
import { defineContract, pageOf, pageQuery } from './http';

/**
 * Publishing segments (publish-segments.txt): Settings > Published Segments, the Segments list's "Publish Segment",
 * and saved reports that use GTM segments. Refusals: 409 limit_reached (the 201st segment, message says how to make
 * room), 400 validation_failed (a segment GTM does not accept), 409 conflict (a GTM segment a saved report uses).
 */
export { PUBLISH_USES, PUBLISH_USE_LABELS, MAX_PUBLISHED_SEGMENTS, SAVED_REPORT_KINDS, SAVED_REPORT_KIND_LABELS };
export type { PublishUse } from '../domain/publish/publishUses';

const id = z.string().uuid();
const publishUse = z.enum(PUBLISH_USES);

export const savedReportUser = z.object({ id, kind: z.enum(SAVED_REPORT_KINDS), kindLabel: z.string(), name: z.string() });

export const publishingRow = z.object({
  segmentId: id,
  name: z.string(),
  sourceLabel: z.string(),
  memberCount: z.number().int(),
  status: z.string(),
  uses: z.array(publishUse),
  /** Why the segment cannot be a GTM segment (the spec's words), or null. */
  gtmIneligibleReason: z.string().nullable(),
  /** Saved reports using it: while any exist, GTM cannot be unchecked. */
  usedBy: z.array(savedReportUser),
});
export type PublishingRow = z.infer<typeof publishingRow>;

export const listPublishedSegments = defineContract({
  method: 'GET',
  path: '/api/published-segments',
  summary: 'Every segment with the uses it is published to (Settings > Published Segments)',
  tags: ['publishing'],
  query: pageQuery.extend({
    search: z.string().trim().max(200).optional(),
    publishedOnly: z.enum(['true', 'false']).default('false'),
  }),
  response: pageOf(publishingRow).extend({ publishedCount: z.number().int(), maxPublished: z.number().int() }),
});

const publicationResponse = z.object({ segmentId: id, uses: z.array(publishUse) });

export const publishSegment = defineContract({
  method: 'POST',
  path: '/api/segments/:segmentId/publications',
  summary: 'Publish a segment to one or more uses (at most 200 segments published at a time)',
  tags: ['publishing'],
  params: z.object({ segmentId: id }),
  body: z.object({ uses: z.array(publishUse).min(1).max(PUBLISH_USES.length) }),
  response: publicationResponse,
});

export const unpublishSegment = defineContract({
  method: 'DELETE',
  path: '/api/segments/:segmentId/publications/:use',
  summary: 'Unpublish a segment from one use (a GTM segment used by a saved report cannot be unpublished)',
  tags: ['publishing'],
  params: z.object({ segmentId: id, use: publishUse }),
  response: publicationResponse,
});

export const savedReportView = z.object({
  id,
  kind: z.enum(SAVED_REPORT_KINDS),
  kindLabel: z.string(),
  name: z.string(),
  segmentIds: z.array(id),
  createdAt: z.string(),
});

export const listSavedReports = defineContract({
  method: 'GET',
  path: '/api/saved-reports',
  summary: 'Saved reports (qualified-account analytics, funnel, custom qualification) and the GTM segments they use',
  tags: ['publishing'],
  response: z.object({ items: z.array(savedReportView) }),
});

export const createSavedReport = defineContract({
  method: 'POST',
  path: '/api/saved-reports',
  summary: 'Save a report over GTM segments',
  tags: ['publishing'],
  body: z.object({ kind: z.enum(SAVED_REPORT_KINDS), name: z.string().trim().min(1).max(200), segmentIds: z.array(id).min(1).max(50) }),
  response: savedReportView,
  successStatus: 201,
});

export const deleteSavedReport = defineContract({
  method: 'DELETE',
  path: '/api/saved-reports/:reportId',
  summary: 'Delete a saved report',
  tags: ['publishing'],
  params: z.object({ reportId: id }),
  response: z.object({ deletedReportId: id }),
});

