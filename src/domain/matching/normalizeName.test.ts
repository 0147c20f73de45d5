import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText } from './foldText';
import { tokenSynonyms } from './nameVocabulary';
import { nameWords, normalizeName } from './normalizeName';

const key = (name: string): string | undefined => normalizeName(name)?.key;

describe('normalizeName', () => {
  it.each([
    ['The Kestrel & Sons, Ltd.', 'kestrel sons'],
    ['Kestrel and Sons Limited', 'kestrel sons'],
    ['Bluepeak Logistics GmbH', 'bluepeak logistics'],
    ['Müller Maschinenbau GmbH & Co. KG', 'muller maschinenbau'],
    ['MÜLLER MASCHINENBAU', 'muller maschinenbau'],
    ['Rossi Costruzioni S.p.A.', 'rossi costruzioni'],
    ['Amazon.com, Inc.', 'amazon'],
    ['1-800-FLOWERS.COM', '1 800 flowers'],
    ['TRIBON SOLUTIONS AB', 'tribon solutions'],
    ['PT Astra International Tbk', 'astra international'],
    ['Sakura Kogyo Co., Ltd.', 'sakura kogyo'],
    ['Kabushiki Kaisha Hikari', 'hikari'],
    ['Nordisk A/S', 'nordisk'],
    ['Acme Intl. Holdings', 'acme international holdings'],
    ['ACME TECH', 'acme technology'],
    ['Acme Technologies, LLC', 'acme technology'],
    ["O'Connell Partners", 'oconnell partners'],
    ['Société Générale S.A.', 'societe generale'],
    ['Northern Trust Company', 'northern trust'],
    ['Veriteq Corporation Corporation', 'veriteq'],
    ['The', 'the'],
    ['Ltd', 'ltd'],
    ['ＡＣＭＥ　Ｌｔｄ', 'acme'],
    // Words that name Object.prototype members are words like any other (an object lookup once turned this into "function Object()…").
    ['Constructor Group Inc', 'constructor group'],
    ['Straße Constructor', 'strasse constructor'],
  ])('%s → %s', (input, expected) => {
    expect(key(input)).toBe(expected);
  });

  it('joins split words in the compact form', () => {
    expect(normalizeName('E-Line Media')?.compact).toBe(normalizeName('ELINE MEDIA')?.compact);
    expect(normalizeName('Blue Peak')?.compact).toBe(normalizeName('BluePeak Inc')?.compact);
  });

  it.each(['', '   ', '---', null, undefined])('gives null when nothing is left of %s', (input) => {
    expect(normalizeName(input)).toBeNull();
  });

  it('is idempotent: normalising a normal form changes nothing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('The Co Inc', 'PT The Foo', 'A & B Ltd', 'S.p.A. Rossi')), (input) => {
        const once = normalizeName(input);
        if (once === null) return true;
        return normalizeName(once.key)?.key === once.key;
      }),
      { numRuns: 5000 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (input) => {
        normalizeName(input);
      }),
    );
  });
});

describe('nameWords', () => {
  // The general (regular-expression) definition that the one-pass ASCII path must equal.
  function generalWords(raw: string): string[] {
    const text = foldText(raw)
      .replace(/(?<=[\p{L}\p{N}])\.(?:com|net|org|io|co|ai)(?![\p{L}\p{N}])/gu, '')
      .replace(/[&+]/g, ' and ')
      .replace(/(?<=\p{L})\/(?=\p{L})/gu, '')
      .replace(/['’`´.]/g, '');
    return text
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length > 0)
      .map((word) => (Object.hasOwn(tokenSynonyms, word) ? (tokenSynonyms[word] ?? word) : word));
  }

  it('gives the same words on the fast ASCII path as the general definition', () => {
    const pieces = fc.constantFrom('a', 'B', '.', 'com', 'co', '/', '&', ' ', "'", 'x1', 'io', '-', '+', '`', 'net', 'tech', 'S.p.A.');
    fc.assert(fc.property(fc.oneof(fc.stringMatching(/^[ -~]{0,30}$/), fc.array(pieces).map((parts) => parts.join(''))), (input) => {
      expect(nameWords(input)).toEqual(generalWords(input));
    }), { numRuns: 5000 });
  });

  it.each([['A/A/A', ['aaa']], ['x1.net/a', ['x1', 'a']], ['a.com.com', ['a']]])('keeps the literal fixture %s', (input, expected) => {
    expect(nameWords(input)).toEqual(expected);
  });
});
