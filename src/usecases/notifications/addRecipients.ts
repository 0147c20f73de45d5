import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { insertRecipient } from '../../adapters/db/repositories/notificationRecipients';
import { queryRows } from '../../adapters/db/segments/rows';
import { CONFIRM_RECIPIENT_PAGE_PATH, type RecipientSummary } from '../../contracts/notifications';
import { AppError } from '../../domain/appError';
import { escapeHtml } from '../../domain/notifications/render';
import { CATEGORY_LABELS, type NotificationCategory } from '../../domain/notifications/types';
import type { Actor } from '../../domain/permissions/policy';
import { assertCanManageNotifications, assertCanManagePrivacyRecipients, type NotificationDeps } from './notificationDeps';
import { ORG_HEADER } from './deliverNotifications';
import { toRecipientSummary } from './getNotificationSettings';

const EMAIL = /^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+$/;

/**
 * Settings > Notifications "Add Email": several addresses at once, comma-separated. A user of the org receives at
 * once; an outside address (a person or a distribution list) gets a confirmation link and receives once confirmed.
 */
export async function addRecipients(
  { orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { category: NotificationCategory; emails: string } },
  deps: NotificationDeps,
): Promise<{ added: RecipientSummary[]; alreadyListed: string[] }> {
  assertCanManageNotifications(actor, orgId);
  if (input.category === 'privacy_opt_out') assertCanManagePrivacyRecipients(actor);
  const emails = [...new Set(input.emails.split(/[,;\s]+/).map((email) => email.trim()).filter((email) => email !== ''))];
  const invalid = emails.filter((email) => !EMAIL.test(email) || email.length > 320);
  if (invalid.length > 0) throw new AppError('validation_failed', `Not an e-mail address: ${invalid.join(', ')}. Separate several addresses with commas.`);
  if (emails.length === 0) throw new AppError('validation_failed', 'Enter at least one e-mail address.');
  if (emails.length > 50) throw new AppError('validation_failed', 'Add at most 50 addresses at once.');
  const users = await queryRows<{ id: string; email: string }>(
    deps.db,
    sql`SELECT id, email FROM users WHERE org_id = ${orgId} AND is_active AND lower(email) IN (${sql.join(emails.map((email) => sql`${email.toLowerCase()}`), sql`, `)})`,
  );
  const userByEmail = new Map(users.map((user) => [user.email.toLowerCase(), user.id]));
  const added: RecipientSummary[] = [];
  const alreadyListed: string[] = [];
  const now = deps.clock.now();
  for (const email of emails) {
    const userId = userByEmail.get(email.toLowerCase()) ?? null;
    const token = userId ? undefined : randomBytes(24).toString('base64url');
    const row = await insertRecipient(deps.db, orgId, {
      category: input.category,
      email,
      userId,
      confirmTokenHash: token ? createHash('sha256').update(token).digest('hex') : null,
      confirmedAt: userId ? now : null,
      addedBy: actor?.userId ?? null,
    });
    if (!row) {
      alreadyListed.push(email);
      continue;
    }
    added.push(toRecipientSummary(row));
    if (token) await sendConfirmation(orgId, email, input.category, token, deps);
  }
  return { added, alreadyListed };
}

async function sendConfirmation(orgId: string, email: string, category: NotificationCategory, token: string, deps: NotificationDeps): Promise<void> {
  const link = `${deps.config.publicUrl}${CONFIRM_RECIPIENT_PAGE_PATH}?token=${encodeURIComponent(token)}`;
  const label = CATEGORY_LABELS[category];
  await deps.mailer.send({
    to: [email],
    headers: { [ORG_HEADER]: orgId },
    subject: `openabm: confirm that you want to receive “${label}” notifications`,
    text: `You were added as a recipient of openabm system notifications (${label}).\n\nConfirm by opening this link:\n${link}\n\nIf you did not expect this, ignore this message: nothing will be sent to you.\n`,
    html: `<!doctype html><html><body style="font-family:sans-serif"><p>You were added as a recipient of openabm system notifications (${escapeHtml(label)}).</p><p><a href="${escapeHtml(link)}">Confirm this address</a></p><p>If you did not expect this, ignore this message: nothing will be sent to you.</p></body></html>`,
  });
}
