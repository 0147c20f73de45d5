import { describe, expect, it } from 'vitest';
import { credentialState, hasFewTrackedPages, isDailySyncDelayed, isPrivacyReminderDay, isWebVisitDrop, lastDailySyncSchedule } from './alertRules';

const DAY = 86_400_000;
const setAt = new Date('2026-01-01T00:00:00Z');
const at = (days: number) => new Date(setAt.getTime() + days * DAY);
const conn = (policy: string, status = 'connected') => ({ status, statusReason: null, credentialPolicy: policy, credentialsSetAt: setAt });

describe('credentialState', () => {
  it.each([
    ['never expire, day 200', conn('never_expire'), at(200), 'valid', undefined],
    ['90 days, day 75 (15 left)', conn('expire_every_90_days'), at(75), 'valid', undefined],
    ['90 days, day 76 (14 left)', conn('expire_every_90_days'), at(76), 'expiring', 14],
    ['90 days, day 88 (2 left: only the 3-day warning)', conn('expire_every_90_days'), at(88), 'expiring', 3],
    ['90 days, day 90', conn('expire_every_90_days'), at(90), 'expired', undefined],
    ['never expire but the provider refused the login', conn('never_expire', 'reauth_required'), at(1), 'expired', undefined],
  ])('%s', (_title, connection, now, kind, warningDays) => {
    const state = credentialState(connection, now, [14, 3]);
    expect(state.kind).toBe(kind);
    if (state.kind === 'expiring') expect(state.warningDays).toBe(warningDays);
  });
});

describe('daily sync delay', () => {
  it.each([
    ['08:29, nothing since yesterday', '2026-03-03T08:29:00Z', null, false],
    ['08:30, nothing since yesterday', '2026-03-03T08:30:00Z', '2026-03-02T03:00:00Z', true],
    ['08:30, completed at 03:10', '2026-03-03T08:30:00Z', '2026-03-03T03:10:00Z', false],
    ['01:00 next day looks at yesterday 02:30', '2026-03-04T01:00:00Z', '2026-03-03T03:10:00Z', false],
  ])('%s', (_title, now, completed, expected) => {
    const nowDate = new Date(now);
    expect(isDailySyncDelayed(completed ? new Date(completed) : null, lastDailySyncSchedule(nowDate), nowDate, 6)).toBe(expected);
  });
});

describe('web visit rules', () => {
  it.each([
    [40, 400, 50, true],
    [50, 400, 50, false],
    [0, 0, 50, false],
  ])('last week %i vs 4 weeks %i at %i %% → drop %s', (lastWeek, prior, percent, expected) => {
    expect(isWebVisitDrop(lastWeek, prior, percent)).toBe(expected);
  });
  it.each([
    [4, 10, true],
    [5, 10, false],
    [0, 0, false],
  ])('%i pages with %i visits → few pages %s', (pages, visits, expected) => {
    expect(hasFewTrackedPages(pages, visits, 5)).toBe(expected);
  });
});

it('sends the privacy reminder on Tuesdays only', () => {
  expect(isPrivacyReminderDay(new Date('2026-03-03T09:00:00Z'))).toBe(true);
  expect(isPrivacyReminderDay(new Date('2026-03-04T09:00:00Z'))).toBe(false);
});
