import type { Db } from '../../adapters/db/database';
import type { Actor } from '../../domain/permissions/policy';
import { AppError } from '../../domain/appError';
import { can } from '../../domain/permissions/policy';
import type { Clock } from '../../ports/clock';
import type { Mailer } from '../../ports/mailer';

/** What the notification settings use cases need. */
export interface NotificationDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly mailer: Mailer;
  readonly config: { readonly publicUrl: string; readonly mailFrom: string };
}

export function assertCanManageNotifications(actor: Actor | undefined, orgId: string): void {
  if (!actor) return;
  if (actor.orgId !== orgId || !can(actor, 'notifications.manage')) throw new AppError('forbidden', 'Only administrators manage system notification recipients.');
}

/** "Only the primary admin manages who gets privacy opt-out emails" (related-notes §5). */
export function assertCanManagePrivacyRecipients(actor: Actor | undefined): void {
  if (actor && actor.role !== 'primary_admin') throw new AppError('forbidden', 'Only the primary administrator manages who receives privacy opt-out e-mails.');
}

export function isoOf(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}
