import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { queryRows } from '../segments/rows';

/** What the home page reads. Every function takes orgId and filters on it. */

export interface OnboardingFacts {
  hasCrmConnection: boolean;
  hasSegment: boolean;
  hasActivation: boolean;
}

/** Connect a CRM (or a MAP that is one, like HubSpot), build a segment, activate one (an ad sync or a publication). */
export async function readOnboardingFacts(db: Db, orgId: string): Promise<OnboardingFacts> {
  const rows = await queryRows<{ crm: boolean; segment: boolean; activation: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM crm_connections WHERE org_id = ${orgId})
               OR EXISTS (SELECT 1 FROM map_connections WHERE org_id = ${orgId}) AS crm,
               EXISTS (SELECT 1 FROM segments WHERE org_id = ${orgId}) AS segment,
               EXISTS (SELECT 1 FROM ad_syncs WHERE org_id = ${orgId})
               OR EXISTS (SELECT 1 FROM segment_publications WHERE org_id = ${orgId}) AS activation`,
  );
  const row = rows[0];
  return { hasCrmConnection: row?.crm === true, hasSegment: row?.segment === true, hasActivation: row?.activation === true };
}

export interface SegmentSizeRow {
  id: string;
  name: string;
  member_count: number;
  status: string;
  last_refreshed_at: Date | string | null;
}

/** Every segment's size and last refresh, largest first (an organisation holds a few hundred at most). */
export async function listSegmentSizes(db: Db, orgId: string): Promise<SegmentSizeRow[]> {
  return queryRows<SegmentSizeRow>(
    db,
    sql`SELECT id, name, member_count, status, last_refreshed_at FROM segments WHERE org_id = ${orgId} ORDER BY member_count DESC, lower(name), id`,
  );
}

export interface MatchRateRow {
  refresh_id: string;
  segment_id: string;
  segment_name: string;
  finished_at: Date | string;
  records_read: number;
  matched_count: number;
}

/** The last successful refreshes that read records (filter-only segments read none), newest first. */
export async function listRecentMatchRates(db: Db, orgId: string, limit: number): Promise<MatchRateRow[]> {
  return queryRows<MatchRateRow>(
    db,
    sql`SELECT r.id AS refresh_id, r.segment_id, s.name AS segment_name, r.finished_at, r.records_read, r.matched_count
        FROM segment_refreshes r JOIN segments s ON s.id = r.segment_id AND s.org_id = r.org_id
        WHERE r.org_id = ${orgId} AND r.status = 'succeeded' AND r.records_read > 0
        ORDER BY r.finished_at DESC, r.seq DESC LIMIT ${limit}`,
  );
}

export interface FailureRow {
  kind: 'crm_sync' | 'segment_refresh' | 'ad_sync' | 'enrichment';
  subject_id: string;
  subject: string;
  /** ad_sync: the channel. */
  channel: string | null;
  message: string | null;
  occurred_at: Date | string;
}

/**
 * Failures that still stand: the latest data sync of a CRM, the latest refresh of a segment, an ad sync in the failed
 * state, the latest real run of an enabled enrichment orchestration. A later success clears each.
 */
export async function listStandingFailures(db: Db, orgId: string, limit: number): Promise<FailureRow[]> {
  return queryRows<FailureRow>(
    db,
    sql`SELECT * FROM (
          SELECT 'crm_sync' AS kind, c.provider AS subject_id, c.provider AS subject, NULL AS channel,
                 coalesce(r.error_message, c.status_reason) AS message, coalesce(r.finished_at, r.started_at) AS occurred_at
          FROM crm_connections c
          JOIN LATERAL (SELECT status, error_message, started_at, finished_at FROM crm_sync_runs r
                        WHERE r.org_id = c.org_id AND r.provider = c.provider AND r.status <> 'running'
                        ORDER BY r.started_at DESC LIMIT 1) r ON TRUE
          WHERE c.org_id = ${orgId} AND r.status IN ('failed', 'stopped_api_limit', 'stopped_reauth')
        UNION ALL
          SELECT 'segment_refresh', s.id::text, s.name, NULL, coalesce(r.error_message, s.status_message), r.finished_at
          FROM segments s
          JOIN LATERAL (SELECT status, error_message, finished_at FROM segment_refreshes r
                        WHERE r.org_id = s.org_id AND r.segment_id = s.id ORDER BY r.seq DESC LIMIT 1) r ON TRUE
          WHERE s.org_id = ${orgId} AND r.status = 'failed'
        UNION ALL
          SELECT 'ad_sync', a.id::text, g.name, a.channel,
                 coalesce(a.error_message, (SELECT r.error_message FROM ad_sync_runs r WHERE r.org_id = a.org_id AND r.sync_id = a.id AND r.status = 'failed' ORDER BY r.seq DESC LIMIT 1)),
                 a.status_changed_at
          FROM ad_syncs a JOIN segments g ON g.id = a.segment_id AND g.org_id = a.org_id
          WHERE a.org_id = ${orgId} AND a.status = 'failed'
        UNION ALL
          SELECT 'enrichment', o.id::text, o.name, NULL, r.error_message, coalesce(r.finished_at, r.created_at)
          FROM enrichment_orchestrations o
          JOIN LATERAL (SELECT status, error_message, created_at, finished_at FROM enrichment_runs r
                        WHERE r.org_id = o.org_id AND r.orchestration_id = o.id AND NOT r.is_dry_run AND r.status IN ('succeeded', 'failed')
                        ORDER BY r.created_at DESC LIMIT 1) r ON TRUE
          WHERE o.org_id = ${orgId} AND o.is_enabled AND r.status = 'failed'
        ) f ORDER BY occurred_at DESC LIMIT ${limit}`,
  );
}
