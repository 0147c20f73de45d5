import { describe, expect, it } from 'vitest';
import { nextSyncStatus } from './syncStatus';
import { decideSyncLimit } from './syncLimit';

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
