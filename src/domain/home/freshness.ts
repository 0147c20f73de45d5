export const FRESHNESS_BUCKETS = ['day', 'week', 'older', 'never'] as const;
export type FreshnessBucket = (typeof FRESHNESS_BUCKETS)[number];

const DAY_MS = 86_400_000;

/** How fresh a segment is: refreshed within a day, within a week, longer ago, or never built. */
export function freshnessOf(lastRefreshedAt: Date | null, now: Date): FreshnessBucket {
  if (lastRefreshedAt === null) return 'never';
  const ageMs = now.getTime() - lastRefreshedAt.getTime();
  if (ageMs <= DAY_MS) return 'day';
  if (ageMs <= 7 * DAY_MS) return 'week';
  return 'older';
}

/** matched / read as a percentage with one decimal; null when nothing was read. */
export function matchRatePercent(matched: number, recordsRead: number): number | null {
  if (recordsRead <= 0) return null;
  return Math.round((matched / recordsRead) * 1000) / 10;
}
