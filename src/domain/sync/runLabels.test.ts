import { describe, expect, it } from 'vitest';
import { adSyncRunStatusLabel, adSyncRunTriggerLabel, channelAudienceStatusLabel } from './runLabels';

describe('ad-sync run history in words', () => {
  it('names every trigger and state the ad_sync_runs table allows', () => {
    expect(['create', 'toggle_on', 'segment_refresh', 'schedule', 'manual'].map(adSyncRunTriggerLabel)).toEqual(['Sync created', 'Turned on', 'Segment refreshed', 'Scheduled', 'Run by hand']);
    expect(['running', 'succeeded', 'failed'].map(adSyncRunStatusLabel)).toEqual(['Running', 'Succeeded', 'Failed']);
    expect(adSyncRunStatusLabel('partly_failed')).toBe('Partly failed');
  });

  it("reads the channel's upper-case audience states as words and keeps Meta's descriptions", () => {
    expect(['BUILDING', 'READY', 'OPEN', 'UPDATE_FAILED'].map(channelAudienceStatusLabel)).toEqual(['Building', 'Ready', 'Open', 'Update failed']);
    expect(channelAudienceStatusLabel('This audience is ready for use.')).toBe('This audience is ready for use.');
  });
});
