import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashKey, hashKeyRange, hashKeyRangeSkipping, hashPair, hashString } from './hashString';

describe('key hashes', () => {
  it('hashKey is hashString of the prefix and the text', () => {
    fc.assert(fc.property(fc.constantFrom('d', 't', 'b', 'c'), fc.string(), (prefix, text) => hashKey(prefix, text) === hashString(prefix + text)));
  });

  it('hashPair equals the hash of the built pair key, so index and matcher meet', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (left, right) => hashPair(left, right) === hashKey('b', `${left} ${right}`)));
    expect(hashPair('bennett', 'logistics')).not.toBe(hashPair('bennettlogistics', ''));
  });

  it('hashKeyRange equals the hash of the sliced key', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(), fc.nat(), (text, a, b) => {
        const start = Math.min(a, b) % (text.length + 1);
        const end = Math.max(start, Math.max(a, b) % (text.length + 1));
        return hashKeyRange('p', text, start, end) === hashKey('p', text.slice(start, end));
      }),
    );
  });

  it('hashKeyRangeSkipping equals the hash of the sliced key without the skipped character', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '-', '.', 'é') }), fc.nat(), fc.nat(), (text, a, b) => {
        const start = Math.min(a, b) % (text.length + 1);
        const end = Math.max(start, Math.max(a, b) % (text.length + 1));
        return hashKeyRangeSkipping('c', text, start, end, 45) === hashKey('c', text.slice(start, end).replaceAll('-', ''));
      }),
    );
    expect(hashKeyRangeSkipping('c', 'acme-labs.co.uk', 0, 9, 45)).toBe(hashKey('c', 'acmelabs'));
  });
});
