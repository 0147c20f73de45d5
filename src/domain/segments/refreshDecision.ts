/**
 * What a refresh attempt does to a segment (keep-last-good). A source that breaks a rule (report over 2,000 rows,
 * list no longer public or ≥ 25,000, permission lost, credentials expired, API limit reached) keeps the last good
 * membership, marks the segment `error` with the specification's message and records one event for notifications;
 * the daily refresh keeps trying so the segment recovers once the source is fixed. A transient failure changes
 * nothing and is retried by the job queue.
 */
export const SEGMENT_STATUSES = ['pending', 'ready', 'refreshing', 'error'] as const;
export type SegmentStatus = (typeof SEGMENT_STATUSES)[number];

export type RefreshAttempt = { kind: 'succeeded' } | { kind: 'source_broken'; message: string } | { kind: 'transient'; message: string };

export interface RefreshDecision {
  /** Replace the stored membership with the new one. */
  isMembershipReplaced: boolean;
  /** The new status and its message; undefined means leave them as they are. */
  status: SegmentStatus | undefined;
  statusMessage: string | null | undefined;
  /** An event for the notifications module, or null. */
  event: { kind: 'refresh_failed'; message: string } | { kind: 'refresh_recovered' } | null;
  /** Let the job queue retry. */
  isRetried: boolean;
}

export function decideRefresh(current: { status: SegmentStatus; statusMessage: string | null }, attempt: RefreshAttempt): RefreshDecision {
  if (attempt.kind === 'succeeded') {
    return {
      isMembershipReplaced: true,
      status: 'ready',
      statusMessage: null,
      event: current.status === 'error' ? { kind: 'refresh_recovered' } : null,
      isRetried: false,
    };
  }
  if (attempt.kind === 'transient') {
    return { isMembershipReplaced: false, status: undefined, statusMessage: undefined, event: null, isRetried: true };
  }
  // The same broken source every day notifies once, not daily.
  const isNewProblem = current.status !== 'error' || current.statusMessage !== attempt.message;
  return {
    isMembershipReplaced: false,
    status: 'error',
    statusMessage: attempt.message,
    event: isNewProblem ? { kind: 'refresh_failed', message: attempt.message } : null,
    isRetried: false,
  };
}

export const REFRESH_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** Segments refresh once a day; a segment never refreshed is due at once. */
export function isRefreshDue(segment: { nextRefreshAt: Date | null; status: SegmentStatus }, now: Date): boolean {
  if (segment.status === 'refreshing') return false;
  return segment.nextRefreshAt === null || segment.nextRefreshAt.getTime() <= now.getTime();
}

export function nextRefreshAfter(now: Date): Date {
  return new Date(now.getTime() + REFRESH_INTERVAL_MS);
}
