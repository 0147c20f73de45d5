/**
 * Alerts that are on or off (credential expired, API limit reached, sync delayed…): `raiseAlert` sends the alert once
 * when its condition starts (calling it again while the condition is on does nothing), `resolveAlert` ends the
 * condition and, when given a recovery type, announces the recovery once. After a recovery the next start alerts
 * again. `conditionKey` names the condition in the org, e.g. `credential_expired:salesforce`.
 * Pass your transaction as deps.db to write in it.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../../adapters/db/segments/rows';
import type { NotificationFacts, NotificationType } from '../../domain/notifications/types';
import { raiseNotification, type RaiseNotificationDeps, type RaisedNotification } from './raiseNotification';

export interface AlertInput {
  readonly orgId: string;
  readonly conditionKey: string;
  readonly type: NotificationType;
  readonly subjectId?: string | null;
  readonly facts: NotificationFacts;
}

export async function raiseAlert(input: AlertInput, deps: RaiseNotificationDeps): Promise<RaisedNotification> {
  const now = deps.clock.now().toISOString();
  const rows = await queryRows<{ occurrence: number }>(
    deps.db,
    sql`INSERT INTO notification_conditions (org_id, condition_key, occurrence, started_at, facts)
        VALUES (${input.orgId}, ${input.conditionKey}, 1, ${now}, ${JSON.stringify(input.facts)}::jsonb)
        ON CONFLICT (org_id, condition_key) DO UPDATE
          SET occurrence = notification_conditions.occurrence + 1, started_at = EXCLUDED.started_at, resolved_at = NULL, facts = EXCLUDED.facts
          WHERE notification_conditions.resolved_at IS NOT NULL
        RETURNING occurrence`,
  );
  const started = rows[0];
  if (!started) return { eventId: undefined, isNew: false, recipientCount: 0 };
  return raiseNotification(
    { orgId: input.orgId, type: input.type, dedupeKey: `${input.conditionKey}#${started.occurrence}`, subjectId: input.subjectId ?? null, facts: input.facts },
    deps,
  );
}

export interface ResolveInput {
  readonly orgId: string;
  readonly conditionKey: string;
  /** Announce the recovery with this type; undefined ends the condition quietly. */
  readonly recoveryType: NotificationType | undefined;
  readonly subjectId?: string | null;
  readonly facts: NotificationFacts;
}

export async function resolveAlert(input: ResolveInput, deps: RaiseNotificationDeps): Promise<RaisedNotification> {
  const rows = await queryRows<{ occurrence: number }>(
    deps.db,
    sql`UPDATE notification_conditions SET resolved_at = ${deps.clock.now().toISOString()}
        WHERE org_id = ${input.orgId} AND condition_key = ${input.conditionKey} AND resolved_at IS NULL RETURNING occurrence`,
  );
  const ended = rows[0];
  if (!ended || !input.recoveryType) return { eventId: undefined, isNew: false, recipientCount: 0 };
  return raiseNotification(
    {
      orgId: input.orgId,
      type: input.recoveryType,
      dedupeKey: `${input.conditionKey}#${ended.occurrence}:recovered`,
      subjectId: input.subjectId ?? null,
      facts: input.facts,
    },
    deps,
  );
}

/** The org's conditions that are on now, by key. */
export async function listOpenConditions(deps: Pick<RaiseNotificationDeps, 'db'>, orgId: string): Promise<Map<string, { startedAt: Date; facts: Record<string, unknown> }>> {
  const rows = await queryRows<{ condition_key: string; started_at: Date | string; facts: Record<string, unknown> }>(
    deps.db,
    sql`SELECT condition_key, started_at, facts FROM notification_conditions WHERE org_id = ${orgId} AND resolved_at IS NULL`,
  );
  return new Map(rows.map((row) => [row.condition_key, { startedAt: new Date(row.started_at), facts: row.facts }]));
}
