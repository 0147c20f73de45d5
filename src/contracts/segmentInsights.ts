import { z } from 'zod';
import { defineContract, pageOf, pageQuery } from './http';
import { segmentCounts, sourceRowView, UNMATCHED_REASON_LABELS } from './segments';

/**
 * Segment insights: a segment's make-up (industry, country, company size), its match rate and its membership over
 * time (from the refresh history); on the confirmation page, the unmatched rows grouped by reason and the bulk accept
 * of suggested matches scoring at least what the user picks.
 */
const id = z.string().uuid();
const segmentParams = z.object({ segmentId: id });

export type UnmatchedReasonCode = keyof typeof UNMATCHED_REASON_LABELS;
export const UNMATCHED_REASONS = Object.keys(UNMATCHED_REASON_LABELS) as [UnmatchedReasonCode, ...UnmatchedReasonCode[]];
const unmatchedReason = z.enum(UNMATCHED_REASONS);

/** One slice of a make-up chart; value null = not known for those companies; "Other" gathers the rest. */
export const compositionSlice = z.object({ value: z.string().nullable(), isOther: z.boolean(), count: z.number().int() });
export type CompositionSlice = z.infer<typeof compositionSlice>;

export const segmentInsights = z.object({
  memberCount: z.number().int(),
  /** Matched / records read at the last build, as a percentage; null for filter-only segments (they read no records). */
  matchRatePercent: z.number().nullable(),
  composition: z.object({ industry: z.array(compositionSlice), country: z.array(compositionSlice), size: z.array(compositionSlice) }),
  /** Successful refreshes, oldest first (the last 60). */
  history: z.array(
    z.object({
      refreshId: id,
      finishedAt: z.string(),
      members: z.number().int(),
      recordsRead: z.number().int(),
      matched: z.number().int(),
      matchRatePercent: z.number().nullable(),
      addedCount: z.number().int(),
      removedCount: z.number().int(),
    }),
  ),
});
export type SegmentInsights = z.infer<typeof segmentInsights>;

export const getSegmentInsights = defineContract({
  method: 'GET',
  path: '/api/segments/:segmentId/insights',
  summary: 'A segment’s make-up (industry, country, size), match rate and membership over time',
  tags: ['segments'],
  params: segmentParams,
  response: segmentInsights,
});

/** A suggested match counts from this score; below it suggestions are too weak to accept in bulk. */
export const MIN_ACCEPT_SCORE = 0.5;
/** A fraction: 0.9 = 90%. */
const acceptScore = z.coerce.number().min(MIN_ACCEPT_SCORE).max(1);

export const unmatchedGroupView = z.object({ reason: unmatchedReason, label: z.string(), rowCount: z.number().int(), suggestedCount: z.number().int() });

export const listUnmatchedRows = defineContract({
  method: 'GET',
  path: '/api/segments/:segmentId/unmatched',
  summary: 'The "Unmatched Accounts" grouped by reason, one reason or all; with how many suggestions score at least minScore',
  tags: ['segments'],
  params: segmentParams,
  query: pageQuery.extend({ reason: unmatchedReason.optional(), minScore: acceptScore.default(0.9) }),
  response: z.object({
    groups: z.array(unmatchedGroupView),
    rows: pageOf(sourceRowView),
    /** Rows (of the chosen reason, or all) whose best suggestion scores at least minScore: what "Accept" would fix. */
    acceptableCount: z.number().int(),
  }),
});

export const bulkAcceptMatches = defineContract({
  method: 'POST',
  path: '/api/segments/:segmentId/matches/accept',
  summary: 'Accept the best suggested match of every unmatched row (of one reason, or all) scoring at least minScore',
  tags: ['segments'],
  params: segmentParams,
  body: z.object({ minScore: acceptScore, reason: unmatchedReason.optional() }),
  response: z.object({ acceptedCount: z.number().int(), counts: segmentCounts }),
});
