import { inWords, labelFor } from '../inWords';

/** Why an ad-sync run started (ad_sync_runs.trigger), as the sync's run history says it. */
export const AD_SYNC_RUN_TRIGGER_LABELS: Readonly<Record<string, string>> = {
  create: 'Sync created',
  toggle_on: 'Turned on',
  segment_refresh: 'Segment refreshed',
  schedule: 'Scheduled',
  manual: 'Run by hand',
};

/** An ad-sync run's state (ad_sync_runs.status). */
export const AD_SYNC_RUN_STATUS_LABELS: Readonly<Record<string, string>> = {
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
};

export function adSyncRunTriggerLabel(trigger: string): string {
  return labelFor(AD_SYNC_RUN_TRIGGER_LABELS, trigger);
}

export function adSyncRunStatusLabel(status: string): string {
  return labelFor(AD_SYNC_RUN_STATUS_LABELS, status);
}

/**
 * The channel's own audience state in words: LinkedIn's BUILDING and READY and Google's OPEN read "Building",
 * "Ready", "Open"; Meta's description is already words and stays as it is.
 */
export function channelAudienceStatusLabel(value: string): string {
  return /^[A-Z][A-Z0-9_]*$/.test(value) ? inWords(value.toLowerCase()) : value;
}
