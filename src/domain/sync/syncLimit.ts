/**
 * The organisation's contracted sync limit (ad-segment-syncs.txt: "6sense alerts you about usage based on your
 * organization's unified contracted sync limit"). Counts syncs that are toggled on; warns from 80 % of the limit and
 * refuses at the limit, each with what to do.
 */
export const SYNC_LIMIT_WARNING_SHARE = 0.8;

export type SyncLimitDecision =
  | { readonly kind: 'ok'; readonly usedCount: number; readonly limit: number | null }
  | { readonly kind: 'warning'; readonly usedCount: number; readonly limit: number; readonly title: string; readonly message: string }
  | { readonly kind: 'refused'; readonly usedCount: number; readonly limit: number; readonly title: string; readonly message: string };

/** `usedCount`: syncs toggled on now; the decision is about turning on one more. `limit` null = no limit set. */
export function decideSyncLimit(usedCount: number, limit: number | null): SyncLimitDecision {
  if (limit === null) return { kind: 'ok', usedCount, limit };
  if (usedCount >= limit) {
    return {
      kind: 'refused',
      usedCount,
      limit,
      title: 'Sync limit reached',
      message: `Your organisation uses ${usedCount} of its ${limit} contracted segment syncs. Turn off a sync you no longer need, or ask your administrator to raise the contracted sync limit.`,
    };
  }
  if (usedCount + 1 >= Math.ceil(limit * SYNC_LIMIT_WARNING_SHARE)) {
    return {
      kind: 'warning',
      usedCount,
      limit,
      title: 'Sync limit notification',
      message: `This sync will use ${usedCount + 1} of your organisation's ${limit} contracted segment syncs. Turn off syncs you no longer need before you reach the limit.`,
    };
  }
  return { kind: 'ok', usedCount, limit };
}

/** How many syncs turned on make Create Sync warn (80 % of the limit, rounded up); null without a limit. */
export function syncLimitWarningFrom(limit: number | null): number | null {
  return limit === null ? null : Math.ceil(limit * SYNC_LIMIT_WARNING_SHARE);
}

/** The rule in one sentence, for the settings screen and the API. */
export function describeSyncLimitRule(limit: number | null): string {
  if (limit === null) return 'No contracted sync limit is set: Create Sync neither warns nor refuses.';
  if (limit === 0) return 'With a limit of 0, Create Sync refuses every new sync. Inactive (toggled off) syncs do not count.';
  return `Create Sync warns when a new sync would bring the syncs turned on to ${syncLimitWarningFrom(limit)} of ${limit} (80 %) or more, and refuses new syncs while ${limit} are turned on, until one is turned off. Inactive (toggled off) syncs do not count.`;
}
