import { listCompletedSyncDelays } from '../../adapters/db/repositories/notificationSignals';
import { resolveAlert } from './alertConditions';
import type { RaiseNotificationDeps } from './raiseNotification';

/** Ends an org's "daily sync delayed" condition and announces "completed" once (the hourly evaluation uses it too). */
export function resolveSyncDelay(orgId: string, provider: string, completedAt: Date, deps: RaiseNotificationDeps) {
  return resolveAlert(
    { orgId, conditionKey: `data_sync_delay:${provider}`, recoveryType: 'data_sync_completed', facts: { provider, completedAt: completedAt.toISOString() } },
    deps,
  );
}

/**
 * Every minute (the notifications.sweep job, before it sends the outbox): "data synchronisation completed" for each delayed daily sync that has completed since,
 * across organisations — so the recovery follows the sync within a minute or two instead of waiting for the hourly
 * evaluation. One indexed read when nothing is delayed; resolving is idempotent, so overlapping runs announce once.
 */
export async function announceCompletedSyncs(deps: RaiseNotificationDeps): Promise<number> {
  let announced = 0;
  for (const completed of await listCompletedSyncDelays(deps.db)) {
    const result = await resolveSyncDelay(completed.orgId, completed.provider, completed.completedAt, deps);
    if (result.isNew) announced += 1;
  }
  return announced;
}
