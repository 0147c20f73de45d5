/**
 * When each alert's condition is on (system-notifications.txt; thresholds from the decisions, stored per org).
 * Pure: the use case reads the facts, these decide, raiseAlert/resolveAlert send once per start and announce recoveries.
 */
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export interface AlertThresholds {
  /** Days before the predicted credential expiry to warn, e.g. [14, 3]. */
  readonly expiryWarningDays: readonly number[];
  /** Web-visit drop when the last 7 days hold under this percentage of the weekly average of the 4 weeks before. */
  readonly visitDropPercent: number;
  /** "Fewer than N tracked pages" over the last 7 days. */
  readonly minTrackedPages: number;
  /** Data-sync delay when the daily sync has not completed this many hours after its schedule. */
  readonly syncDelayHours: number;
}

export const DEFAULT_THRESHOLDS: AlertThresholds = { expiryWarningDays: [14, 3], visitDropPercent: 50, minTrackedPages: 5, syncDelayHours: 6 };

export type CredentialState =
  | { readonly kind: 'valid' }
  | { readonly kind: 'expiring'; readonly warningDays: number; readonly expiresAt: Date }
  | { readonly kind: 'expired'; readonly reason: string };

/**
 * Salesforce and Eloqua: predicted from the recorded policy (90 days after the credentials were set). Every
 * provider: a refused login (reauth_required / expired status) means the credentials no longer work.
 * The warning is the smallest threshold already crossed, so a check that starts late sends one warning, not two.
 */
export function credentialState(
  connection: { status: string; statusReason: string | null; credentialPolicy: string; credentialsSetAt: Date },
  now: Date,
  expiryWarningDays: readonly number[],
): CredentialState {
  const expiresAt = connection.credentialPolicy === 'expire_every_90_days' ? new Date(connection.credentialsSetAt.getTime() + 90 * DAY_MS) : undefined;
  if (expiresAt && now.getTime() >= expiresAt.getTime()) return { kind: 'expired', reason: 'have expired under the “Expire every 90 days” policy' };
  if (connection.status === 'reauth_required' || connection.status === 'expired') {
    return { kind: 'expired', reason: 'are no longer valid (the provider refused them)' };
  }
  if (!expiresAt) return { kind: 'valid' };
  const daysLeft = (expiresAt.getTime() - now.getTime()) / DAY_MS;
  const crossed = expiryWarningDays.filter((days) => daysLeft <= days);
  if (crossed.length === 0) return { kind: 'valid' };
  return { kind: 'expiring', warningDays: Math.min(...crossed), expiresAt };
}

/** The daily CRM sync runs at 02:30 UTC (apps/worker/jobs.ts); the most recent schedule at or before now. */
export const DAILY_SYNC_UTC = { hour: 2, minute: 30 } as const;

export function lastDailySyncSchedule(now: Date): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), DAILY_SYNC_UTC.hour, DAILY_SYNC_UTC.minute);
  return new Date(today <= now.getTime() ? today : today - DAY_MS);
}

/** Delayed: the schedule is more than `delayHours` ago and no sync completed since it. */
export function isDailySyncDelayed(lastCompletedAt: Date | null, scheduledAt: Date, now: Date, delayHours: number): boolean {
  if (now.getTime() < scheduledAt.getTime() + delayHours * HOUR_MS) return false;
  return lastCompletedAt === null || lastCompletedAt.getTime() < scheduledAt.getTime();
}

/** Last 7 days far below the weekly average of the 4 weeks before (no alert without a history to compare with). */
export function isWebVisitDrop(lastWeekVisits: number, priorFourWeeksVisits: number, dropPercent: number): boolean {
  const weeklyAverage = priorFourWeeksVisits / 4;
  if (weeklyAverage <= 0) return false;
  return lastWeekVisits < (weeklyAverage * dropPercent) / 100;
}

/** Only for a tag that is in use (it recorded visits in the last 5 weeks). */
export function hasFewTrackedPages(pagesSeenLastWeek: number, visitsLastFiveWeeks: number, minPages: number): boolean {
  return visitsLastFiveWeeks > 0 && pagesSeenLastWeek < minPages;
}

/** The weekly privacy reminder goes out every Tuesday (related-notes §5). */
export function isPrivacyReminderDay(now: Date): boolean {
  return now.getUTCDay() === 2;
}

export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
