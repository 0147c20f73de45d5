/**
 * A sync's status (ad-segment-syncs.txt: "syncing, synced, inactive, or failed") and its allowed moves (STYLE.md §3.9).
 * Toggled on = syncing, synced or failed (these count against the contracted limit); toggled off = inactive.
 */
export type SyncStatus = 'syncing' | 'synced' | 'inactive' | 'failed';
export const SYNC_STATUSES: readonly SyncStatus[] = ['syncing', 'synced', 'inactive', 'failed'];

export type SyncEvent = 'run_started' | 'run_succeeded' | 'run_failed' | 'toggled_off' | 'toggled_on';

const MOVES: Readonly<Record<SyncStatus, Partial<Record<SyncEvent, SyncStatus>>>> = {
  syncing: { run_started: 'syncing', run_succeeded: 'synced', run_failed: 'failed', toggled_off: 'inactive' },
  synced: { run_started: 'syncing', toggled_off: 'inactive' },
  // A failed sync waits for someone to toggle it on again with a working login; scheduled runs leave it alone.
  failed: { toggled_off: 'inactive', toggled_on: 'syncing' },
  inactive: { toggled_on: 'syncing' },
};

/** The next status, or undefined when the event is not allowed (the caller then does nothing). */
export function nextSyncStatus(status: SyncStatus, event: SyncEvent): SyncStatus | undefined {
  return MOVES[status][event];
}

export function isToggledOn(status: SyncStatus): boolean {
  return status !== 'inactive';
}

export function isSyncStatus(value: string): value is SyncStatus {
  return (SYNC_STATUSES as readonly string[]).includes(value);
}
