import { describe, expect, it } from 'vitest';
import { hashPerson, normaliseEmail, normalisePhone, sha256Hex } from './identifiers';

describe('identifier normalisation', () => {
  it('matches the contracts’ published examples', () => {
    // meta.md §4 and google-ads.md §6
    expect(sha256Hex(normaliseEmail('  Mary@Example.com ', 'meta') ?? '')).toBe('f1904cf1a9d73a55fa5de0ac823c4403ded71afd4c3248d00bdcd0866552bb79');
    expect(sha256Hex(normalisePhone('+1 (555) 987-6543', undefined, 'meta') ?? '')).toBe('1ef970831d7963307784fa8688e8fce101a15685d62aa765fed23f3a2c576a4e');
  });

  it.each<[string, string, 'meta' | 'google', string | undefined]>([
    ['trim and lowercase', ' A.B@Corp.COM ', 'meta', 'a.b@corp.com'],
    ['google removes inner whitespace', 'a b@corp.com', 'google', 'ab@corp.com'],
    ['meta refuses inner whitespace', 'a b@corp.com', 'meta', undefined],
    ['google removes every gmail dot', 'J.o.h.n@gmail.com', 'google', 'john@gmail.com'],
    ['meta keeps gmail dots', 'j.ohn@gmail.com', 'meta', 'j.ohn@gmail.com'],
    ['no @', 'nobody', 'meta', undefined],
    ['two @', 'a@b@c.com', 'google', undefined],
    ['no dot in domain', 'a@localhost', 'google', undefined],
  ])('email: %s', (_title, raw, contract, expected) => {
    expect(normaliseEmail(raw, contract)).toBe(expected);
  });

  it.each<[string, string, string | null, 'meta' | 'google', string | undefined]>([
    ['meta: digits with country code, no plus', '+44 20 7946 0018', null, 'meta', '442079460018'],
    ['google: E.164 with plus', '+44 20 7946 0018', null, 'google', '+442079460018'],
    ['national number takes the country code', '020 7946 0018', 'GB', 'google', '+442079460018'],
    ['00 prefix is international', '0049 30 123456', null, 'meta', '4930123456'],
    ['US number with its leading 1', '1-555-987-6543', 'US', 'meta', '15559876543'],
    ['national without country is unusable', '555 987 6543', null, 'meta', undefined],
    ['empty after normalisation', ' - ', 'US', 'google', undefined],
    ['too short', '+1 23', null, 'google', undefined],
  ])('phone: %s', (_title, raw, country, contract, expected) => {
    expect(normalisePhone(raw, country, contract)).toBe(expected);
  });
});

describe('hashPerson', () => {
  const hashed = sha256Hex('mary@example.com');

  it('never hashes an already-hashed value', () => {
    expect(hashPerson({ email: hashed.toUpperCase(), phone: null, country: null }, 'meta')).toEqual({ ok: true, person: { emailSha256: hashed, phoneSha256: undefined } });
  });

  it('keeps a person whose phone is bad but e-mail is good', () => {
    const outcome = hashPerson({ email: 'mary@example.com', phone: '--', country: 'US' }, 'google');
    expect(outcome).toEqual({ ok: true, person: { emailSha256: hashed, phoneSha256: undefined } });
  });

  it('rejects a person with nothing usable, with the reason', () => {
    expect(hashPerson({ email: 'not-an-email', phone: '', country: null }, 'meta')).toEqual({
      ok: false,
      reason: 'The e-mail address and phone number are not valid after normalisation.',
    });
    expect(hashPerson({ email: null, phone: null, country: null }, 'meta')).toEqual({ ok: false, reason: 'The person has no e-mail address or phone number.' });
  });
});

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
    ['é', '4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c'],
  ])('%j', (text, expected) => {
    expect(sha256Hex(text)).toBe(expected);
  });
});
