import { createHash } from 'node:crypto';
import { confirmRecipientByToken } from '../../adapters/db/repositories/notificationRecipients';
import { AppError } from '../../domain/appError';
import { CATEGORY_LABELS, type NotificationCategory } from '../../domain/notifications/types';
import type { NotificationDeps } from './notificationDeps';

/** The confirmation page posts the link's token: its hash names the row (and so the org); confirming twice is harmless. */
export async function confirmRecipient({ token }: { token: string }, deps: Pick<NotificationDeps, 'db' | 'clock'>): Promise<{ email: string; categoryLabel: string }> {
  const confirmed = await confirmRecipientByToken(deps.db, createHash('sha256').update(token).digest('hex'), deps.clock.now());
  if (!confirmed) throw new AppError('not_found', 'This confirmation link is not valid (the address may have been removed).');
  return { email: confirmed.email, categoryLabel: CATEGORY_LABELS[confirmed.category as NotificationCategory] ?? confirmed.category };
}
