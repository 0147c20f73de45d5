import { describe, expect, it } from 'vitest';
import { AD_CHANNEL_IDS } from './channels';
import { isStoppingError, syncAlertText, SYNC_ERROR_CODES } from './errorCatalogue';

describe('sync error catalogue', () => {
  it('every code says what happened and what to do, for every channel', () => {
    for (const channel of AD_CHANNEL_IDS) {
      for (const code of SYNC_ERROR_CODES) {
        const text = syncAlertText(channel, code);
        expect(text.whatHappened.length, `${channel}/${code}`).toBeGreaterThan(20);
        expect(text.whatToDo.length, `${channel}/${code}`).toBeGreaterThan(5);
      }
    }
  });

  it.each([
    ['token_expired', true],
    ['missing_permission', true],
    ['terms_not_accepted', true],
    ['quota_exceeded', false],
    ['channel_outage', false],
    ['audience_deleted', false],
    ['audience_too_small', false],
  ] as const)('%s stops the sync: %s', (code, stops) => {
    expect(isStoppingError(code)).toBe(stops);
  });

  it('names the channel minimum', () => {
    expect(syncAlertText('linkedin', 'audience_too_small').whatHappened).toBe('LinkedIn needs at least 300 matched members before the audience can be used in campaigns.');
  });
});
