import { describe, expect, it } from 'vitest';
import { CRM_MESSAGES } from '../crmSources/messages';
import { decideRefresh, isRefreshDue, nextRefreshAfter } from './refreshDecision';

describe('decideRefresh (keep-last-good)', () => {
  it('replaces membership and becomes ready on success', () => {
    expect(decideRefresh({ status: 'ready', statusMessage: null }, { kind: 'succeeded' })).toEqual({
      isMembershipReplaced: true, status: 'ready', statusMessage: null, event: null, isRetried: false,
    });
  });

  it('announces recovery after an error', () => {
    expect(decideRefresh({ status: 'error', statusMessage: 'x' }, { kind: 'succeeded' }).event).toEqual({ kind: 'refresh_recovered' });
  });

  it('keeps the last good membership, shows the spec message and records one event when the source breaks a rule', () => {
    expect(decideRefresh({ status: 'ready', statusMessage: null }, { kind: 'source_broken', message: CRM_MESSAGES.reportTooManyRecords })).toEqual({
      isMembershipReplaced: false,
      status: 'error',
      statusMessage: 'The selected Report could not be synced because it contains more than 2,000 records.',
      event: { kind: 'refresh_failed', message: 'The selected Report could not be synced because it contains more than 2,000 records.' },
      isRetried: false,
    });
  });

  it('does not notify again for the same broken source the next day', () => {
    const decision = decideRefresh({ status: 'error', statusMessage: CRM_MESSAGES.apiLimitReached }, { kind: 'source_broken', message: CRM_MESSAGES.apiLimitReached });
    expect(decision.event).toBeNull();
    expect(decision.status).toBe('error');
  });

  it('notifies when a broken source breaks a different rule', () => {
    const decision = decideRefresh({ status: 'error', statusMessage: CRM_MESSAGES.apiLimitReached }, { kind: 'source_broken', message: CRM_MESSAGES.unableToLogIn });
    expect(decision.event).toEqual({ kind: 'refresh_failed', message: CRM_MESSAGES.unableToLogIn });
  });

  it('leaves everything alone and retries on a transient failure', () => {
    expect(decideRefresh({ status: 'ready', statusMessage: null }, { kind: 'transient', message: 'timeout' })).toEqual({
      isMembershipReplaced: false, status: undefined, statusMessage: undefined, event: null, isRetried: true,
    });
  });
});

describe('isRefreshDue', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  it.each<[string, Date | null, 'ready' | 'refreshing' | 'error', boolean]>([
    ['never refreshed', null, 'pending', true] as unknown as [string, Date | null, 'ready', boolean],
    ['due an hour ago', new Date('2026-11-23T09:00:00Z'), 'ready', true],
    ['due tomorrow', new Date('2026-11-24T09:00:00Z'), 'ready', false],
    ['in error, due: keeps trying', new Date('2026-11-23T09:00:00Z'), 'error', true],
    ['already refreshing', null, 'refreshing', false],
  ])('%s', (_t, nextRefreshAt, status, expected) => {
    expect(isRefreshDue({ nextRefreshAt, status }, now)).toBe(expected);
  });

  it('schedules the next refresh a day later', () => {
    expect(nextRefreshAfter(now).toISOString()).toBe('2026-11-24T10:00:00.000Z');
  });
});
