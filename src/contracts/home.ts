import { z } from 'zod';
import { FRESHNESS_BUCKETS, type FreshnessBucket } from '../domain/home/freshness';
import { SEGMENT_STATUSES } from '../domain/segments/refreshDecision';
import { defineContract } from './http';

/**
 * The home page: what a team needs on arrival. The onboarding checklist (connect a CRM, build a segment, activate it
 * by an ad sync or by publishing), segments by size and freshness, the match rate of the last refreshes, and the
 * failures that still need someone (CRM data syncs, segment refreshes, ad syncs, Segment Name Enrichment).
 */
const isoDate = z.string();

export { FRESHNESS_BUCKETS };
export type { FreshnessBucket };
export const FRESHNESS_LABELS: Readonly<Record<FreshnessBucket, string>> = {
  day: 'Refreshed in the last 24 hours',
  week: 'Refreshed in the last 7 days',
  older: 'Not refreshed for over 7 days',
  never: 'Never built',
};

export const FAILURE_KINDS = ['crm_sync', 'segment_refresh', 'ad_sync', 'enrichment'] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

export const homeFailureView = z.object({
  kind: z.enum(FAILURE_KINDS),
  /** What failed, by name ("Salesforce data sync", the segment's name…). */
  title: z.string(),
  message: z.string(),
  occurredAt: isoDate,
  /** The app page where it is fixed. */
  link: z.string(),
});
export type HomeFailureView = z.infer<typeof homeFailureView>;

export const homeSummary = z.object({
  checklist: z.object({
    hasCrmConnection: z.boolean(),
    hasSegment: z.boolean(),
    /** A segment synced to an ad account or published. */
    hasActivation: z.boolean(),
  }),
  segmentCount: z.number().int(),
  freshness: z.array(z.object({ bucket: z.enum(FRESHNESS_BUCKETS), label: z.string(), segmentCount: z.number().int() })),
  /** The largest segments, largest first. */
  largestSegments: z.array(
    z.object({ id: z.string().uuid(), name: z.string(), memberCount: z.number().int(), status: z.enum(SEGMENT_STATUSES), lastRefreshedAt: isoDate.nullable(), freshness: z.enum(FRESHNESS_BUCKETS) }),
  ),
  /** The last successful refreshes of segments built from records (CRM lists, reports, uploads), oldest first. */
  matchRates: z.array(
    z.object({ refreshId: z.string().uuid(), segmentId: z.string().uuid(), segmentName: z.string(), finishedAt: isoDate, recordsRead: z.number().int(), matched: z.number().int(), matchRatePercent: z.number() }),
  ),
  /** Failures that still stand (the latest attempt failed), newest first. */
  failures: z.array(homeFailureView),
});
export type HomeSummary = z.infer<typeof homeSummary>;

export const getHomeSummary = defineContract({
  method: 'GET',
  path: '/api/home',
  summary: 'The home page: onboarding checklist, segments by size and freshness, match rates, failures to look at',
  tags: ['home'],
  response: homeSummary,
});
