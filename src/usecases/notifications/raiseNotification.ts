/**
 * The one entry point every area calls to raise a system notification (issue 11).
 *
 *   await raiseNotification(
 *     { orgId, type: 'ad_sync_failed', dedupeKey: `ad_sync_failed:${syncId}:${runId}`, subjectId: syncId,
 *       facts: { channel: 'linkedin', segmentName: 'EMEA targets', error: 'The audience was deleted' } },
 *     { db: tx, clock: deps.clock, config: deps.config, jobs: deps.jobs },
 *   );
 *
 * - Writes the event, one outbox row per e-mail recipient and one notification-centre row per user recipient with
 *   `deps.db`: pass your transaction there and the notification commits (or rolls back) with your change.
 * - `dedupeKey` is unique per org: raising the same key again does nothing (returns isNew: false). Put what makes
 *   the occurrence distinct into it (a run id, the day), not the time of the check. For alerts that are on or off
 *   use `raiseAlert`/`resolveAlert` (./alertConditions.ts): they send once when the condition starts and announce
 *   the recovery when it ends.
 * - Recipients: the org's primary administrator always, plus the recipients configured for the type's category
 *   (domain/notifications/types.ts) in Settings > Notifications.
 * - Facts are the plain values the message is written from (domain/notifications/render.ts lists which each type
 *   reads); the message says what happened and what to do.
 * - Delivery runs later in the `notifications.deliver` job (retried with backoff, never twice per address); when
 *   `deps.jobs` is given a delivery is enqueued right away, otherwise the minute sweep picks the rows up.
 */
import { insertInboxRows, insertNotificationEvent, insertOutboxRows } from '../../adapters/db/repositories/notificationEvents';
import { resolveRecipients } from '../../adapters/db/repositories/notificationRecipients';
import type { Db } from '../../adapters/db/database';
import { renderNotification } from '../../domain/notifications/render';
import { NOTIFICATION_TYPES, type NotificationFacts, type NotificationType } from '../../domain/notifications/types';
import type { Clock } from '../../ports/clock';
import type { JobQueue } from '../../ports/jobQueue';

export interface RaiseNotificationInput {
  readonly orgId: string;
  readonly type: NotificationType;
  readonly dedupeKey: string;
  /** The object it is about (a connection, segment sync, privacy request…), for links and filtering. */
  readonly subjectId?: string | null;
  readonly facts: NotificationFacts;
}

export interface RaiseNotificationDeps {
  /** The caller's transaction, or the database. */
  readonly db: Db;
  readonly clock: Clock;
  readonly config: { readonly publicUrl: string; readonly mailFrom: string };
  readonly jobs?: JobQueue;
}

export interface RaisedNotification {
  readonly eventId: string | undefined;
  readonly isNew: boolean;
  readonly recipientCount: number;
}

export const DELIVER_JOB = 'notifications.deliver';

export async function raiseNotification(input: RaiseNotificationInput, deps: RaiseNotificationDeps): Promise<RaisedNotification> {
  const definition = NOTIFICATION_TYPES[input.type];
  const now = deps.clock.now();
  const rendered = renderNotification(input.type, input.facts, deps.config.publicUrl);
  const eventId = await insertNotificationEvent(deps.db, input.orgId, {
    type: input.type,
    category: definition.category,
    dedupeKey: input.dedupeKey,
    subjectId: input.subjectId ?? null,
    facts: input.facts,
    severity: definition.severity,
    title: rendered.title,
    bodyText: rendered.text,
    bodyHtml: rendered.html,
    createdAt: now,
  });
  if (!eventId) return { eventId: undefined, isNew: false, recipientCount: 0 };
  const recipients = await resolveRecipients(deps.db, input.orgId, definition.category);
  await insertOutboxRows(deps.db, input.orgId, eventId, recipients.addresses, now, mailDomainOf(deps.config.mailFrom));
  await insertInboxRows(deps.db, input.orgId, eventId, recipients.userIds, now);
  // Enqueued a little later so a caller's transaction has committed by the time the job reads the rows; if not,
  // the job finds nothing to send and the minute sweep delivers them.
  await deps.jobs?.enqueue(DELIVER_JOB, { orgId: input.orgId, eventId }, { startAfter: new Date(now.getTime() + 2_000), singletonKey: `notification:${eventId}` });
  return { eventId, isNew: true, recipientCount: recipients.addresses.length };
}

/** The domain of the sender address, for Message-IDs (`openabm <no-reply@openabm.local>` → openabm.local). */
export function mailDomainOf(mailFrom: string): string {
  const match = /@([^>\s]+)>?\s*$/.exec(mailFrom);
  return match?.[1] ?? 'openabm.local';
}
