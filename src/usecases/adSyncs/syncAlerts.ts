import { insertAdSyncAlert, updateAdSync, type AdSyncRow } from '../../adapters/db/repositories/adSyncs';
import type { Db } from '../../adapters/db/database';
import { isAdChannelId } from '../../domain/sync/channels';
import { syncAlertText, type SyncErrorCode } from '../../domain/sync/errorCatalogue';
import { isSyncStatus, nextSyncStatus, type SyncEvent } from '../../domain/sync/syncStatus';

/** Raises an alert from the catalogue on a sync (the notifications work reads ad_sync_alerts). */
export async function raiseSyncAlert(db: Db, sync: AdSyncRow, code: SyncErrorCode, detail: string | null, now: Date): Promise<void> {
  if (!isAdChannelId(sync.channel)) return;
  const text = syncAlertText(sync.channel, code);
  await insertAdSyncAlert(db, sync.orgId, { syncId: sync.id, code, severity: text.severity, detail, userId: sync.runsOnUserId, createdAt: now });
}

/** Moves a sync's status by an event; does nothing when the move is not allowed (STYLE.md §3.9). */
export async function applySyncEvent(db: Db, sync: AdSyncRow, event: SyncEvent, now: Date, extra: Partial<Pick<AdSyncRow, 'errorCode' | 'errorMessage'>> = {}): Promise<string> {
  if (!isSyncStatus(sync.status)) return sync.status;
  const next = nextSyncStatus(sync.status, event);
  if (!next) return sync.status;
  await updateAdSync(db, sync.orgId, sync.id, { status: next, ...(next === sync.status ? {} : { statusChangedAt: now }), ...extra, updatedAt: now });
  return next;
}
