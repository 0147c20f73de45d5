import { deleteRecipient, findRecipient } from '../../adapters/db/repositories/notificationRecipients';
import { AppError } from '../../domain/appError';
import type { Actor } from '../../domain/permissions/policy';
import { toRecipientSummary } from './getNotificationSettings';
import { assertCanManageNotifications, assertCanManagePrivacyRecipients, type NotificationDeps } from './notificationDeps';

export async function removeRecipient({ orgId, actor, recipientId }: { orgId: string; actor: Actor | undefined; recipientId: string }, deps: Pick<NotificationDeps, 'db'>) {
  assertCanManageNotifications(actor, orgId);
  const existing = await findRecipient(deps.db, orgId, recipientId);
  if (!existing) throw new AppError('not_found', 'This recipient does not exist.');
  if (existing.category === 'privacy_opt_out') assertCanManagePrivacyRecipients(actor);
  const removed = await deleteRecipient(deps.db, orgId, recipientId);
  if (!removed) throw new AppError('not_found', 'This recipient does not exist.');
  return { removed: toRecipientSummary(removed) };
}
