import type { CrmConnectionSummary } from '../../../../src/contracts/integrations';

type Status = CrmConnectionSummary['status'];

/** Badge colour of each connection status: green works, yellow needs attention soon, red/orange stops the syncs. */
export const STATUS_COLORS: Readonly<Record<Status, string>> = {
  connected: 'green',
  expiring: 'yellow',
  expired: 'red',
  reauth_required: 'red',
  api_limit_reached: 'orange',
  error: 'red',
};

/** Statuses after which an administrator must connect again (new credentials). */
export const NEEDS_RECONNECT: ReadonlySet<Status> = new Set<Status>(['expired', 'reauth_required']);

export const SYNC_RUN_LABELS: Readonly<Record<NonNullable<CrmConnectionSummary['lastSyncRun']>['status'], string>> = {
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
  stopped_api_limit: 'Stopped: API limit reached',
  stopped_reauth: 'Stopped: credentials refused',
};

const numberFormat = new Intl.NumberFormat('en');
export function formatCount(value: number): string {
  return numberFormat.format(value);
}

/** Connecting queues the first full sync: a connection without any sync run yet is waiting for it to start. */
export function isFirstSyncQueued(connection: Pick<CrmConnectionSummary, 'lastSyncRun' | 'firstFullSyncAt' | 'status'>): boolean {
  return connection.lastSyncRun === null && connection.firstFullSyncAt === null && !NEEDS_RECONNECT.has(connection.status);
}
