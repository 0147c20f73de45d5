import { countUnread } from '../../adapters/db/repositories/notificationEvents';
import type { NotificationDeps } from './notificationDeps';

export async function countUnreadNotifications({ orgId, userId }: { orgId: string; userId: string }, deps: Pick<NotificationDeps, 'db'>): Promise<number> {
  return countUnread(deps.db, orgId, userId);
}
