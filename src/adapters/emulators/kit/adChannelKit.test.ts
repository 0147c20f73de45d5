import { describe, expect, it } from 'vitest';
import { EmulatorClock } from './clock';
import { isMatchedKey, isSha256Base64, isSha256Hex, sha256Hex } from './hashing';
import { MemberSet } from './memberSet';
import { OAuthTokenStore } from './oauthTokens';
import { DailyQuota, RateWindow } from './rateWindow';

const DAY = 86_400_000;

describe('ad-channel emulator kit', () => {
  it.each([
    [sha256Hex('mary@example.com'), true],
    ['f1904cf1a9d73a55fa5de0ac823c4403ded71afd4c3248d00bdcd0866552bb79', true],
    ['F1904CF1A9D73A55FA5DE0AC823C4403DED71AFD4C3248D00BDCD0866552BB79', false],
    ['mary@example.com', false],
    [sha256Hex('x').slice(0, 63), false],
  ])('isSha256Hex(%s) = %s', (value, expected) => {
    expect(isSha256Hex(value)).toBe(expected);
  });

  it('recognises Base64 digests and matches about half of all keys', () => {
    expect(isSha256Base64(Buffer.from(sha256Hex('a'), 'hex').toString('base64'))).toBe(true);
    expect(isSha256Base64('abc=')).toBe(false);
    const matched = Array.from({ length: 1_000 }, (_, index) => isMatchedKey(`key${index}`)).filter(Boolean).length;
    expect(matched).toBeGreaterThan(400);
    expect(matched).toBeLessThan(600);
  });

  it('merges members sharing an identifier, removes by any identifier, and reports counts after the processing delay', () => {
    const members = new MemberSet(() => true);
    members.beginChange(0, 1_000);
    members.add({ EMAIL: 'a', PHONE: 'p1' });
    members.add({ PHONE: 'p1', FN: 'f' });
    members.add({ EMAIL: 'b' });
    expect(members.size).toBe(2);
    expect(members.list().find((member) => member.key === 'EMAIL:a')?.identifiers).toEqual({ EMAIL: 'a', PHONE: 'p1', FN: 'f' });
    expect(members.reported(500)).toEqual({ size: 0, matched: 0 });
    expect(members.reported(1_000)).toEqual({ size: 2, matched: 2 });
    members.beginChange(2_000, 1_000);
    expect(members.remove({ FN: 'f' })).toBe(1);
    expect(members.reported(2_500)).toEqual({ size: 2, matched: 2 });
    expect(members.reported(3_000)).toEqual({ size: 1, matched: 1 });
    members.add({ EMAIL: 'c', 'EMAIL#2': 'd' });
    expect(members.has('EMAIL', 'd')).toBe(true);
  });

  it('counts calls per window and per day', () => {
    const window = new RateWindow(2, 60_000);
    expect([window.take('m', 0).isAllowed, window.take('m', 1).isAllowed, window.take('m', 2)]).toEqual([true, true, { isAllowed: false, retryAfterSeconds: 60 }]);
    expect(window.take('other', 2).isAllowed).toBe(true);
    expect(window.take('m', 60_000).isAllowed).toBe(true);
    const quota = new DailyQuota(3);
    expect(quota.take(0, 3)).toBe(true);
    expect(quota.take(1)).toBe(false);
    expect(quota.take(DAY)).toBe(true);
  });

  it('keeps refresh tokens to their absolute expiry (not extended by refreshing) and expires access tokens', () => {
    const clock = new EmulatorClock(() => new Date(0));
    const tokens = new OAuthTokenStore({ clientId: 'c', clientSecret: 's' }, { accessTtlMs: 60 * DAY, refreshTtlMs: 365 * DAY }, () => clock.nowMs(), 'T');
    const first = tokens.issue('member', 'scope');
    expect(first.refreshExpiresInSeconds).toBe(365 * 86_400);
    clock.advance(100 * DAY);
    expect(tokens.checkAccessToken(first.accessToken)).toEqual({ isValid: false, reason: 'expired' });
    const refreshed = tokens.issue('member', 'scope', { refreshToken: first.refreshToken ?? '' });
    expect(refreshed.refreshExpiresInSeconds).toBe(265 * 86_400);
    clock.advance(265 * DAY);
    expect(tokens.checkRefreshToken(first.refreshToken)).toEqual({ isValid: false, reason: 'expired' });
    const code = tokens.issueAuthorizationCode('member', 'http://x/cb', 'scope');
    expect(tokens.redeemAuthorizationCode(code, 'http://other/cb')).toBeUndefined();
    expect(tokens.redeemAuthorizationCode(code, 'http://x/cb')).toBeUndefined();
  });
});
