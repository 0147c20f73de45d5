import { countUnread, listInbox as listInboxRows } from '../../adapters/db/repositories/notificationEvents';
import type { InboxItem } from '../../contracts/notifications';
import type { NotificationCategory } from '../../domain/notifications/types';
import type { NotificationDeps } from './notificationDeps';
import { isoOf } from './notificationDeps';

/** The caller's notification centre: the events they receive, newest first. */
export async function listInbox(
  { orgId, userId, page, pageSize }: { orgId: string; userId: string; page: number; pageSize: number },
  deps: Pick<NotificationDeps, 'db'>,
): Promise<{ items: InboxItem[]; total: number; page: number; pageSize: number; unreadCount: number }> {
  const rows = await listInboxRows(deps.db, orgId, userId, { limit: pageSize, offset: (page - 1) * pageSize });
  return {
    items: rows.map((row) => ({
      eventId: row.event_id,
      type: row.type,
      category: row.category as NotificationCategory,
      severity: row.severity as InboxItem['severity'],
      title: row.title,
      body: row.body_text,
      createdAt: isoOf(row.created_at) ?? '',
      readAt: isoOf(row.read_at),
    })),
    total: rows[0]?.total ?? 0,
    page,
    pageSize,
    unreadCount: await countUnread(deps.db, orgId, userId),
  };
}
