import { countUnread, markInboxRead } from '../../adapters/db/repositories/notificationEvents';
import type { NotificationDeps } from './notificationDeps';

export async function markNotificationsRead(
  { orgId, userId, eventIds }: { orgId: string; userId: string; eventIds: readonly string[] | undefined },
  deps: Pick<NotificationDeps, 'db' | 'clock'>,
): Promise<{ markedCount: number; unreadCount: number }> {
  const markedCount = await markInboxRead(deps.db, orgId, userId, eventIds, deps.clock.now());
  return { markedCount, unreadCount: await countUnread(deps.db, orgId, userId) };
}
