import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { queryRows } from '../segments/rows';

/**
 * What the alert evaluation reads from the ad-sync (issue 9) and enrichment (issue 10) tables. Read-only; a table not
 * installed yet reads as empty (to_regclass). Every function takes orgId.
 */
async function hasTable(db: Db, table: string): Promise<boolean> {
  const rows = await queryRows<{ present: boolean }>(db, sql`SELECT to_regclass(${table}) IS NOT NULL AS present`);
  return rows[0]?.present === true;
}

export interface AdSyncSignal {
  syncId: string;
  channel: string;
  status: string;
  segmentName: string;
  lastError: string | null;
}

export async function listAdSyncSignals(db: Db, orgId: string): Promise<AdSyncSignal[]> {
  if (!(await hasTable(db, 'ad_syncs'))) return [];
  const rows = await queryRows<{ id: string; channel: string; status: string; segment_name: string; last_error: string | null }>(
    db,
    sql`SELECT s.id, s.channel, s.status, g.name AS segment_name,
               (SELECT r.error_message FROM ad_sync_runs r WHERE r.org_id = s.org_id AND r.sync_id = s.id AND r.status = 'failed' ORDER BY r.seq DESC LIMIT 1) AS last_error
        FROM ad_syncs s JOIN segments g ON g.id = s.segment_id AND g.org_id = s.org_id
        WHERE s.org_id = ${orgId} AND s.status IN ('failed', 'synced')`,
  );
  return rows.map((row) => ({ syncId: row.id, channel: row.channel, status: row.status, segmentName: row.segment_name, lastError: row.last_error }));
}

export interface EnrichmentSignal {
  orchestrationId: string;
  targetSystem: string;
  name: string;
  lastStatus: string;
  lastError: string | null;
}

/** The latest finished (succeeded or failed) real run of each enabled orchestration. */
export async function listEnrichmentSignals(db: Db, orgId: string): Promise<EnrichmentSignal[]> {
  if (!(await hasTable(db, 'enrichment_runs'))) return [];
  const rows = await queryRows<{ id: string; target_system: string; name: string; status: string; error_message: string | null }>(
    db,
    sql`SELECT o.id, o.target_system, o.name, r.status, r.error_message
        FROM enrichment_orchestrations o
        JOIN LATERAL (SELECT status, error_message FROM enrichment_runs r
                      WHERE r.org_id = o.org_id AND r.orchestration_id = o.id AND NOT r.is_dry_run AND r.status IN ('succeeded', 'failed')
                      ORDER BY r.created_at DESC LIMIT 1) r ON TRUE
        WHERE o.org_id = ${orgId} AND o.is_enabled`,
  );
  return rows.map((row) => ({ orchestrationId: row.id, targetSystem: row.target_system, name: row.name, lastStatus: row.status, lastError: row.error_message }));
}
