import { describe, expect, it } from 'vitest';
import { nextSyncStatus } from './syncStatus';
import { decideSyncLimit, describeSyncLimitRule, syncLimitWarningFrom } from './syncLimit';

describe('decideSyncLimit', () => {
  it.each<[number, number | null, string]>([
    [0, null, 'ok'],
    [6, 10, 'ok'],
    [7, 10, 'warning'], // the 8th of 10 reaches 80 %
    [9, 10, 'warning'],
    [10, 10, 'refused'],
    [12, 10, 'refused'],
    [0, 1, 'warning'],
    [0, 0, 'refused'],
  ])('%i used of %s → %s', (used, limit, kind) => {
    expect(decideSyncLimit(used, limit).kind).toBe(kind);
  });

  it('says what to do at the limit', () => {
    const decision = decideSyncLimit(10, 10);
    expect(decision).toMatchObject({ title: 'Sync limit reached' });
    expect(decision.kind === 'refused' && decision.message).toBe(
      'Your organisation uses 10 of its 10 contracted segment syncs. Turn off a sync you no longer need, or ask your administrator to raise the contracted sync limit.',
    );
  });
});

describe('describeSyncLimitRule', () => {
  it.each<[number | null, number | null, string]>([
    [null, null, 'No contracted sync limit is set: Create Sync neither warns nor refuses.'],
    [0, 0, 'With a limit of 0, Create Sync refuses every new sync. Inactive (toggled off) syncs do not count.'],
    [
      10,
      8,
      'Create Sync warns when a new sync would bring the syncs turned on to 8 of 10 (80 %) or more, and refuses new syncs while 10 are turned on, until one is turned off. Inactive (toggled off) syncs do not count.',
    ],
    [3, 3, expect.stringContaining('to 3 of 3 (80 %)') as unknown as string],
  ])('limit %s warns from %s', (limit, warningFrom, sentence) => {
    expect(syncLimitWarningFrom(limit)).toBe(warningFrom);
    expect(describeSyncLimitRule(limit)).toEqual(sentence);
  });

  it('agrees with decideSyncLimit on where the warning starts', () => {
    for (const limit of [1, 2, 3, 5, 10, 11, 100]) {
      const warningFrom = syncLimitWarningFrom(limit) ?? 0;
      if (warningFrom >= 2) expect(decideSyncLimit(warningFrom - 2, limit).kind).toBe('ok');
      expect(decideSyncLimit(warningFrom - 1, limit).kind).toBe('warning');
    }
  });
});

describe('nextSyncStatus', () => {
  it.each([
    ['syncing', 'run_succeeded', 'synced'],
    ['syncing', 'run_failed', 'failed'],
    ['synced', 'run_started', 'syncing'],
    ['failed', 'run_started', undefined],
    ['failed', 'toggled_on', 'syncing'],
    ['inactive', 'run_started', undefined],
    ['inactive', 'toggled_on', 'syncing'],
    ['synced', 'toggled_off', 'inactive'],
    ['inactive', 'toggled_off', undefined],
  ] as const)('%s + %s → %s', (from, event, to) => {
    expect(nextSyncStatus(from, event)).toBe(to);
  });
});
