import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSecretBox, generateSecretKey, SecretBoxError } from './secretBox';

const key = Buffer.alloc(32, 7).toString('base64');

describe('secret box', () => {
  it('opens what it sealed, for any text', () => {
    const box = createSecretBox(key);
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => box.open(box.seal(text)) === text));
  });

  it('does not contain the plain text and differs on every seal', () => {
    const box = createSecretBox(key);
    const token = '00Dxx0000001gPL!AQ4AQFakeRefreshToken';
    const first = box.seal(token);
    expect(first).not.toContain(token);
    expect(first).not.toBe(box.seal(token));
  });

  it('refuses a value sealed with another key', () => {
    const sealed = createSecretBox(generateSecretKey()).seal('secret');
    expect(() => createSecretBox(key).open(sealed)).toThrow(SecretBoxError);
  });

  it('refuses a tampered value', () => {
    const box = createSecretBox(key);
    const sealed = box.seal('secret');
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(() => box.open(tampered)).toThrow(SecretBoxError);
  });

  it('accepts a hex key and refuses a short one', () => {
    expect(createSecretBox('ab'.repeat(32)).open(createSecretBox('ab'.repeat(32)).seal('x'))).toBe('x');
    expect(() => createSecretBox('c2hvcnQ=')).toThrow(/32 bytes/);
  });
});
