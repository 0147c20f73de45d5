import { describe, expect, it } from 'vitest';
import { credentialHealth, predictCredentialExpiry } from './credentialPolicy';

const setAt = new Date('2026-08-25T00:00:00Z');

describe('credential policy', () => {
  it('predicts no expiry for Never Expire', () => {
    expect(predictCredentialExpiry('never_expire', setAt)).toBeUndefined();
    expect(credentialHealth('never_expire', setAt, new Date('2030-01-01T00:00:00Z'))).toBe('valid');
  });

  it('predicts 90 days for Expire every 90 days', () => {
    expect(predictCredentialExpiry('expire_every_90_days', setAt)?.toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });

  it.each([
    ['2026-11-08T23:59:59Z', 'valid'],
    ['2026-11-09T00:00:00Z', 'expiring'],
    ['2026-11-22T23:59:59Z', 'expiring'],
    ['2026-11-23T00:00:00Z', 'expired'],
  ])('at %s the credentials are %s', (now, expected) => {
    expect(credentialHealth('expire_every_90_days', setAt, new Date(now))).toBe(expected);
  });
});
