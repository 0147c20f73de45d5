import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { specialWords } from './nameForms';
import { edgeFormsStripped, generalNameWords, nameWords, normalizeName, stripEdgeForms } from './normalizeName';
import { scanned, scanNameBytes, scannedBytes, scanNameWords } from './scanNameWords';

// scanNameWords must give exactly the words of the general definition (foldText, then regular expressions) for every
// text it accepts: these compare both on generated text, character by character over the whole BMP, and word by word
// over the words its table knows.

const asciiPieces = ['a', 'B', 'z', '.', 'com', 'co', '/', '&', ' ', "'", 'x1', 'io', '-', '+', '`', 'net', 'tech', 'S.p.A.', 'Intl', 'GmbH', '(', '[', 'N', 'ai', '9'];
const otherPieces = [
  'é', 'Ü', 'ß', 'ẞ', 'Æ', 'œ', 'ø', 'Ł', 'İ', 'ı', 'ŀ', 'ﬁ', 'Ａ', 'ｃｏｍ', '／', '＆', '．', '’', '‘', '´', '×', '·', '½', '²', 'ǅ', 'Σ', 'ς',
  'ж', '中', '𝐀', '\u0301', '\u00a0', '–', 'Ω', 'ª', '™', 'Ǆ', '\u0345', 'ﬀ', '\ud800', 'ℌ', '①', 'ǈ', 'ǰ', 'Ĳ',
];

describe('scanNameWords', () => {
  it('gives the general definition\'s words for ASCII and Latin text with accents, ligatures and full-width forms', () => {
    const piece = fc.constantFrom(...asciiPieces, ...otherPieces);
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }).map((parts) => parts.join('')), (input) => {
        const words = scanNameWords(input);
        if (words !== undefined) expect(words).toEqual(generalNameWords(input));
        expect(nameWords(input)).toEqual(generalNameWords(input));
      }),
      { numRuns: 20_000 },
    );
  });

  it('gives the general definition\'s words for arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.stringMatching(/^[ -~]{0,30}$/)), (input) => {
        expect(nameWords(input)).toEqual(generalNameWords(input));
      }),
      { numRuns: 10_000 },
    );
  });

  it('reads every character of the BMP as the general definition does, alone and between letters, dots and slashes', () => {
    const differing: string[] = [];
    for (let code = 0x80; code <= 0xffff; code++) {
      const character = String.fromCharCode(code);
      for (const text of [`Ab${character}Cd`, `x.${character}com`, `a/${character}`, `${character}${character} Co`]) {
        if (scanNameWords(text) !== undefined && JSON.stringify(scanNameWords(text)) !== JSON.stringify(generalNameWords(text))) differing.push(text);
      }
    }
    expect(differing).toEqual([]);
  });

  it('takes most Latin names without the general path', () => {
    for (const name of ['Müller Maschinenbau GmbH', 'Société Générale', 'Åkesson & Søndergaard', 'ＡＣＭＥ　Ｌｔｄ', 'O’Neil Ltd']) expect(scanNameWords(name)).toEqual(generalNameWords(name));
    expect(scanNameWords('Ромашка ООО')).toBeUndefined();
  });

  it('gives the general definition\'s words for many distinct words, read again', () => {
    const names = Array.from({ length: 60_000 }, (_, index) => `W${index.toString(36)}x Q${(index * 7919).toString(36)} ${index % 3 === 0 ? 'INTL' : 'Tech'}`);
    const first = names.map((name) => scanNameWords(name));
    expect(names.map((name) => scanNameWords(name))).toEqual(first);
    expect(first).toEqual(names.map((name) => generalNameWords(name)));
  });

  it('reads every word with a synonym or a flag (legal forms, "and", "the", letters) as the general definition does', () => {
    const differing: string[] = [];
    for (const word of specialWords()) {
      for (const text of [word, word.toUpperCase(), `Acme ${word}`, `${word} Acme`, `${word}s`, word.slice(0, -1)]) {
        if (JSON.stringify(nameWords(text)) !== JSON.stringify(generalNameWords(text))) differing.push(text);
      }
    }
    expect(differing).toEqual([]);
  });

  it('says whether the legal-form loop has anything to do and whether annotation characters are present', () => {
    const seen = (name: string) => {
      scanNameWords(name);
      return { needsLegalFormLoop: scanned.needsLegalFormLoop, needsRewrite: scanned.needsRewrite, hasAnnotationCharacter: scanned.hasAnnotationCharacter };
    };
    expect(seen('Bluepeak Logistics')).toEqual({ needsLegalFormLoop: false, needsRewrite: false, hasAnnotationCharacter: false });
    expect(seen('Acme')).toEqual({ needsLegalFormLoop: false, needsRewrite: false, hasAnnotationCharacter: false });
    for (const name of ['Acme Inc', 'The Acme', 'PT Astra']) expect(seen(name)).toEqual({ needsLegalFormLoop: true, needsRewrite: false, hasAnnotationCharacter: false });
    for (const name of ['J K Lawson', 'Kestrel & Sons', 'Kestrel and Sons', 'Rock n Roll']) expect(seen(name)).toEqual({ needsLegalFormLoop: true, needsRewrite: true, hasAnnotationCharacter: false });
    // One word is never shortened: "Ltd" alone stays "ltd".
    expect(seen('Ltd').needsLegalFormLoop).toBe(false);
    for (const name of ['Nordisk A/S', 'Acme (The)', 'Acme [Class B]']) expect(seen(name).hasAnnotationCharacter).toBe(true);
  });
});

/** The words scanNameBytes read (scannedBytes), as text, and the name normalizeName's legal-form loop keeps of them. */
function bytesScanOf(name: string): { words: string[]; kept: string[] } | undefined {
  const bytes = Buffer.from(`#${name}#`, 'latin1');
  if (!scanNameBytes(bytes, 1, bytes.length - 1)) return undefined;
  const { count, codes, starts } = scannedBytes;
  const words = Array.from({ length: count }, (_, word) => String.fromCharCode(...codes.subarray(starts[word], starts[word + 1])));
  let [start, end] = [0, count];
  if (scannedBytes.needsLegalFormLoop) {
    stripEdgeForms(scannedBytes.texts, scannedBytes.flags, count);
    [start, end] = [edgeFormsStripped.start, edgeFormsStripped.end];
  }
  return { words, kept: words.slice(start, end) };
}

describe('scanNameBytes', () => {
  // The master index build reads names from its file's bytes: it must find exactly normalizeName's words.
  const piece = fc.constantFrom(...asciiPieces, ' Inc', ' Ltd.', ' GmbH & Co. KG', 'The ', ' S.A.', ' Co', ' Corp', ' LLC', ' plc', ' AG', ' and ', 'PT ', ' e.K.', ' B.V.', ' Pty Ltd', ' SAS', 'A ', ' K ', 'intl', ' Svc', ' é');
  it('reads the words scanNameWords reads, and normalizeName keeps the same of them, for any ASCII name it takes', () => {
    let taken = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')), (name) => {
        const scan = bytesScanOf(name);
        if (scan === undefined) return;
        taken++;
        expect(scan.words).toEqual(scanNameWords(name));
        expect(scan.kept).toEqual(normalizeName(name)?.tokens ?? []);
      }),
      { numRuns: 20_000 },
    );
    // Most generated names are taken (not left to normalizeName), so the comparison above is not empty.
    expect(taken).toBeGreaterThan(5_000);
  });

  it('leaves to normalizeName what its loop rewrites or strips annotations of, and text that is not ASCII', () => {
    for (const name of ['Kestrel & Sons', 'Kestrel + Sons', 'Kestrel and Sons Ltd', 'J K Lawson', 'Nordisk A/S', 'Acme (The)', 'Acme [Class B]']) expect(bytesScanOf(name), name).toBeUndefined();
    expect(scanNameBytes(Buffer.from('Müller GmbH'), 0, Buffer.byteLength('Müller GmbH'))).toBe(false);
    expect(bytesScanOf('The Amazon.com Intl Corp.')).toEqual({ words: ['the', 'amazon', 'international', 'corp'], kept: ['amazon', 'international'] });
    expect(bytesScanOf('  ')).toEqual({ words: [], kept: [] });
  });
});
