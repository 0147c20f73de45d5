import { sql } from 'drizzle-orm';
import { listRecipientRows, type RecipientRow } from '../../adapters/db/repositories/notificationRecipients';
import { readThresholds } from '../../adapters/db/repositories/notificationSignals';
import { queryRows } from '../../adapters/db/segments/rows';
import type { RecipientSummary } from '../../contracts/notifications';
import type { NotificationCategory } from '../../domain/notifications/types';
import type { Actor } from '../../domain/permissions/policy';
import type { NotificationDeps } from './notificationDeps';
import { isoOf } from './notificationDeps';

export function toRecipientSummary(row: RecipientRow): RecipientSummary {
  return {
    id: row.id,
    category: row.category as NotificationCategory,
    email: row.email,
    isUser: row.user_id !== null,
    status: row.user_id !== null || row.confirmed_at !== null ? 'active' : 'awaiting_confirmation',
    createdAt: isoOf(row.created_at) ?? '',
  };
}

export async function getNotificationSettings({ orgId, actor }: { orgId: string; actor: Actor | undefined }, deps: Pick<NotificationDeps, 'db'>) {
  const admins = await queryRows<{ email: string }>(
    deps.db,
    sql`SELECT email FROM users WHERE org_id = ${orgId} AND role = 'primary_admin' AND is_active ORDER BY lower(email)`,
  );
  const thresholds = await readThresholds(deps.db, orgId);
  return {
    primaryAdmins: admins.map((admin) => admin.email),
    recipients: (await listRecipientRows(deps.db, orgId)).map(toRecipientSummary),
    thresholds: { ...thresholds, expiryWarningDays: [...thresholds.expiryWarningDays] },
    canManagePrivacyRecipients: actor?.role === 'primary_admin',
  };
}
