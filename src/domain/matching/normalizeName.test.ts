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

// Brand names against registered legal names: the classes registries and lists add to a name.
const brandWord = fc.constantFrom('Kestrel', 'Brightwater', 'Orbital', 'Lawson', 'Quillfeather', 'Marlow', 'Pemberton', 'Sable');
const tailWord = fc.constantFrom('Foods', 'Data', 'Holdings', 'Transport', 'Systems', 'Marine');
const baseName = fc.tuple(brandWord, fc.array(tailWord, { maxLength: 2 })).map(([brand, rest]) => [brand, ...rest].join(' '));

describe('normalizeName: SEC EDGAR registry markers', () => {
  it.each([
    ['BRIGHTWATER HOLDINGS CORP /DE/', 'brightwater holdings'],
    ['KESTREL FOODS CO /NEW/', 'kestrel foods'],
    ['MARLOW REALTY INC/MD', 'marlow realty'],
    ['MARLOW REALTY INC/MD/', 'marlow realty'],
    ['RIVIAN AUTOMOTIVE, INC. / DE', 'rivian automotive'],
    ['LIONS GATE ENTERTAINMENT CORP /CN/', 'lions gate entertainment'],
    ['SABLE TRUST /NEW/ /DE/', 'sable trust'],
    // Not markers: a one-letter part ("A/S") and a slash inside the name.
    ['Nordisk A/S', 'nordisk'],
    ['AC/DC Tribute Band', 'acdc tribute band'],
  ])('%s → %s', (input, expected) => {
    expect(key(input)).toBe(expected);
  });

  it('gives the same key with or without a marker after the legal form', () => {
    const marker = fc.constantFrom(' /DE/', ' /NEW/', ' / DE', '/MD', '/MD/', ' /OLD/', ' /CN/');
    fc.assert(
      fc.property(baseName, fc.constantFrom('INC', 'CORP', 'CO', 'Inc.'), marker, (name, form, suffix) => {
        expect(key(`${name} ${form}${suffix}`)).toBe(key(`${name} ${form}`));
      }),
    );
  });
});

describe('normalizeName: list annotations', () => {
  it.each([
    ['Kestrel Foods (The)', 'kestrel foods'],
    ['Orbital Data (Class A)', 'orbital data'],
    ['Volkswagen (Pref)', 'volkswagen'],
    ['Mercedes-Benz Group (ex Daimler)', 'mercedes benz group'],
    ['Acme Corp (ADR)', 'acme'],
    ['Pemberton Systems [Class B]', 'pemberton systems'],
    // Other bracketed words are part of the name.
    ['Acme (Europe)', 'acme europe'],
  ])('%s → %s', (input, expected) => {
    expect(key(input)).toBe(expected);
  });

  it('gives the same key with or without an annotation', () => {
    const annotation = fc.constantFrom(' (The)', ' (Class A)', ' (class c)', ' (Series B)', ' (ADR)', ' (Pref)', ' (formerly Acme)', ' (The) (Class A)');
    fc.assert(
      fc.property(baseName, annotation, (name, suffix) => {
        expect(key(`${name}${suffix}`)).toBe(key(name));
      }),
    );
  });
});

describe('normalizeName: initials and inverted person names', () => {
  it('joins initials however they are written', () => {
    expect(normalizeName('J.K. Lawson')?.tokens).toEqual(['jk', 'lawson']);
    expect(normalizeName('J. K. Lawson')?.tokens).toEqual(['jk', 'lawson']);
    expect(normalizeName('LAWSON J K TRANSPORT INC')?.tokens).toEqual(['lawson', 'jk', 'transport']);
    expect(normalizeName('PENNEY J C CO INC')?.tokens).toEqual(['penney', 'jc']);
    expect(key('BARRATT DEVELOPMENTS P L C')).toBe('barratt developments');
  });

  it('gives an inverted registry name the same words as the person-name brand', () => {
    // Not "n" (alone a spelling of "and", "Rock n Roll") and no letters that spell a leading legal form first in a
    // name ("K.K.", "P.T.", "C.V.", "S.C."): those are removed from the brand, as they should be.
    const letter = fc.constantFrom(...'bdejmrw'.split(''));
    fc.assert(
      fc.property(fc.array(letter, { minLength: 2, maxLength: 3 }), brandWord, (letters, surname) => {
        const brand = normalizeName(`${letters.map((l) => `${l.toUpperCase()}.`).join('')} ${surname}`);
        const registered = normalizeName(`${surname.toUpperCase()} ${letters.join(' ').toUpperCase()} TRANSPORT INC`);
        expect(new Set(brand?.tokens)).toEqual(new Set(registered?.tokens.filter((token) => token !== 'transport')));
      }),
    );
  });

  it('says whether a legal form was removed', () => {
    expect(normalizeName('Deluxe Corp')?.hasLegalForm).toBe(true);
    expect(normalizeName('Kabushiki Kaisha Hikari')?.hasLegalForm).toBe(true);
    expect(normalizeName('Toyota')?.hasLegalForm).toBe(false);
    expect(normalizeName('The Kestrel & Sons')?.hasLegalForm).toBe(false);
  });

  it('stays idempotent with markers, annotations and initials', () => {
    const piece = fc.constantFrom('J', 'K', '.', ' ', '/DE/', '/', '(The)', '(Class A)', 'Lawson', 'INC', '&', 'Co', 'A/S', '(', ')');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')), (input) => {
        const once = normalizeName(input);
        if (once === null) return;
        expect(normalizeName(once.key)?.key).toBe(once.key);
      }),
      { numRuns: 3000 },
    );
  });
});
