import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { queryRows } from '../segments/rows';
import { DEFAULT_THRESHOLDS, type AlertThresholds } from '../../../domain/notifications/alertRules';

/** What the alert evaluation reads about one org. Every function takes orgId. */
export interface ConnectionSignal {
  kind: 'crm' | 'map';
  provider: string;
  status: string;
  statusReason: string | null;
  credentialPolicy: string;
  credentialsSetAt: Date;
  lastSyncAt: Date | null;
  dailyApiAllowance: number;
  createdAt: Date;
}

interface ConnectionRow {
  kind: 'crm' | 'map';
  provider: string;
  status: string;
  status_reason: string | null;
  credential_policy: string;
  credentials_set_at: Date | string;
  last_sync_at: Date | string | null;
  daily_api_allowance: number;
  created_at: Date | string;
}

/** CRM connections, and the MAP connections when that table exists (issue 10). */
export async function listConnectionSignals(db: Db, orgId: string): Promise<ConnectionSignal[]> {
  const hasMap = await queryRows<{ present: boolean }>(db, sql`SELECT to_regclass('map_connections') IS NOT NULL AS present`);
  const mapPart = hasMap[0]?.present
    ? sql` UNION ALL SELECT 'map' AS kind, provider, status, status_reason, credential_policy, credentials_set_at, NULL::timestamptz AS last_sync_at, daily_api_allowance, created_at
           FROM map_connections WHERE org_id = ${orgId}`
    : sql``;
  const rows = await queryRows<ConnectionRow>(
    db,
    sql`SELECT 'crm' AS kind, provider, status, status_reason, credential_policy, credentials_set_at, last_sync_at, daily_api_allowance, created_at
        FROM crm_connections WHERE org_id = ${orgId}${mapPart} ORDER BY provider`,
  );
  return rows.map((row) => ({
    kind: row.kind,
    provider: row.provider,
    status: row.status,
    statusReason: row.status_reason,
    credentialPolicy: row.credential_policy,
    credentialsSetAt: new Date(row.credentials_set_at),
    lastSyncAt: row.last_sync_at === null ? null : new Date(row.last_sync_at),
    dailyApiAllowance: row.daily_api_allowance,
    createdAt: new Date(row.created_at),
  }));
}

/** Providers whose daily API allowance ran out on `usageDay`. */
export async function listApiLimitsReached(db: Db, orgId: string, usageDay: string): Promise<Array<{ provider: string; callCount: number }>> {
  const rows = await queryRows<{ provider: string; call_count: number }>(
    db,
    sql`SELECT provider, call_count FROM crm_api_usage WHERE org_id = ${orgId} AND usage_day = ${usageDay} AND limit_reached_at IS NOT NULL`,
  );
  return rows.map((row) => ({ provider: row.provider, callCount: row.call_count }));
}

export interface WebVisitSignal {
  lastWeekVisits: number;
  priorFourWeeksVisits: number;
  pagesSeenLastWeek: number;
}

export async function readWebVisitSignal(db: Db, orgId: string, now: Date): Promise<WebVisitSignal> {
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000).toISOString();
  const fiveWeeksAgo = new Date(now.getTime() - 35 * 86_400_000).toISOString();
  const rows = await queryRows<{ last_week: number; prior: number; pages: number }>(
    db,
    sql`SELECT count(*) FILTER (WHERE visited_at >= ${weekAgo})::int AS last_week,
               count(*) FILTER (WHERE visited_at < ${weekAgo})::int AS prior,
               count(DISTINCT page) FILTER (WHERE visited_at >= ${weekAgo})::int AS pages
        FROM web_visits WHERE org_id = ${orgId} AND visited_at >= ${fiveWeeksAgo} AND visited_at <= ${now.toISOString()}`,
  );
  const row = rows[0];
  return { lastWeekVisits: row?.last_week ?? 0, priorFourWeeksVisits: row?.prior ?? 0, pagesSeenLastWeek: row?.pages ?? 0 };
}

export async function readPrivacySignal(db: Db, orgId: string, now: Date): Promise<{ openCount: number; oldestReceivedAt: Date | null; handledLastWeek: number }> {
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000).toISOString();
  const rows = await queryRows<{ open_count: number; oldest: Date | string | null; handled: number }>(
    db,
    sql`SELECT count(*) FILTER (WHERE handled_at IS NULL)::int AS open_count,
               min(received_at) FILTER (WHERE handled_at IS NULL) AS oldest,
               count(*) FILTER (WHERE handled_at >= ${weekAgo})::int AS handled
        FROM privacy_requests WHERE org_id = ${orgId}`,
  );
  const row = rows[0];
  return { openCount: row?.open_count ?? 0, oldestReceivedAt: row?.oldest ? new Date(row.oldest) : null, handledLastWeek: row?.handled ?? 0 };
}

export async function readThresholds(db: Db, orgId: string): Promise<AlertThresholds> {
  const rows = await queryRows<{ expiry_warning_days: number[]; visit_drop_percent: number; min_tracked_pages: number; sync_delay_hours: number }>(
    db,
    sql`SELECT expiry_warning_days, visit_drop_percent, min_tracked_pages, sync_delay_hours FROM notification_settings WHERE org_id = ${orgId}`,
  );
  const row = rows[0];
  if (!row) return DEFAULT_THRESHOLDS;
  return { expiryWarningDays: row.expiry_warning_days, visitDropPercent: row.visit_drop_percent, minTrackedPages: row.min_tracked_pages, syncDelayHours: row.sync_delay_hours };
}

export async function saveThresholds(db: Db, orgId: string, thresholds: AlertThresholds, now: Date): Promise<void> {
  const days = `{${thresholds.expiryWarningDays.map((day) => Math.trunc(day)).join(',')}}`;
  await db.execute(
    sql`INSERT INTO notification_settings (org_id, expiry_warning_days, visit_drop_percent, min_tracked_pages, sync_delay_hours, updated_at)
        VALUES (${orgId}, ${days}::int[], ${thresholds.visitDropPercent}, ${thresholds.minTrackedPages}, ${thresholds.syncDelayHours}, ${now.toISOString()})
        ON CONFLICT (org_id) DO UPDATE SET expiry_warning_days = EXCLUDED.expiry_warning_days, visit_drop_percent = EXCLUDED.visit_drop_percent,
          min_tracked_pages = EXCLUDED.min_tracked_pages, sync_delay_hours = EXCLUDED.sync_delay_hours, updated_at = EXCLUDED.updated_at`,
  );
}

/** Every org, for the hourly fan-out (each evaluation is a few indexed reads). */
export async function listOrgIdsToEvaluate(db: Db): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(db, sql`SELECT id FROM organizations ORDER BY id`);
  return rows.map((row) => row.id);
}

/**
 * No orgId: the worker's minute sweep across organisations (each row names its org). The open "daily sync delayed"
 * conditions whose CRM connection has completed a sync since the delayed schedule, i.e. the recoveries to announce.
 */
export async function listCompletedSyncDelays(db: Db): Promise<Array<{ orgId: string; provider: string; completedAt: Date }>> {
  const rows = await queryRows<{ org_id: string; provider: string; last_sync_at: Date | string }>(
    db,
    sql`SELECT c.org_id, k.provider, k.last_sync_at
        FROM notification_conditions c
        JOIN crm_connections k ON k.org_id = c.org_id AND c.condition_key = 'data_sync_delay:' || k.provider
        WHERE c.resolved_at IS NULL AND c.condition_key LIKE 'data_sync_delay:%'
          AND k.last_sync_at IS NOT NULL AND k.last_sync_at >= (c.facts->>'scheduledAt')::timestamptz`,
  );
  return rows.map((row) => ({ orgId: row.org_id, provider: row.provider, completedAt: new Date(row.last_sync_at) }));
}
