// normalizeName reads words in one pass (scanNameWords, with a word cache) and strips legal forms by moving the ends of
// its word list, skipping that loop when the scan saw nothing it removes; this checks it against the plain version
// (words by the regular-expression definition, copies of the word list, phrases looked up as joined text) on the dev
// set's names, the generated scale list, generated names made of legal-form words and generated Latin names, so the
// keys the index holds never change.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { devSetFiles, mayTestsSkipDevSet } from '../../../../bench/matching/devSet';
import { generateAccountRows } from '../../../adapters/demo/demoAccountRows';
import { generateDemoCompanies } from '../../../adapters/demo/demoCompanies';
import { parseCsv } from '../../../domain/matching/csv';
import { legalFormPhrases } from '../../../domain/matching/legalForms.generated';
import { commonLegalForms, leadingLegalForms } from '../../../domain/matching/nameVocabulary';
import { generalNameWords, joinInitials, normalizeName, stripNameAnnotations, type NormalizedName } from '../../../domain/matching/normalizeName';

const phraseSet = (phrases: readonly string[]): Set<string> => new Set(phrases.map((phrase) => phrase.trim()).filter((phrase) => phrase.length > 0));
const trailing = phraseSet([...legalFormPhrases, ...commonLegalForms]);
const leading = phraseSet(leadingLegalForms);

function longestPhrase(tokens: readonly string[], phrases: ReadonlySet<string>, isAtEnd: boolean): number {
  let longest = 0;
  for (let length = 1; length <= Math.min(6, tokens.length - 1); length++) {
    const words = isAtEnd ? tokens.slice(tokens.length - length) : tokens.slice(0, length);
    if (phrases.has(words.join(' '))) longest = length;
  }
  return longest;
}

function referenceNormalizeName(raw: string): NormalizedName | null {
  let tokens = generalNameWords(raw.includes('/') || raw.includes('(') || raw.includes('[') ? stripNameAnnotations(raw) : raw);
  if (tokens.length === 0) return null;
  let hasLegalForm = false;
  for (;;) {
    const before = tokens.length;
    if (tokens.length > 1 && tokens.includes('and')) {
      const withoutAnd = tokens.filter((token) => token !== 'and');
      if (withoutAnd.length > 0) tokens = withoutAnd;
    }
    tokens = joinInitials(tokens);
    if (tokens.length > 1 && tokens[0] === 'the') tokens = tokens.slice(1);
    if (tokens.length > 1) {
      const length = longestPhrase(tokens, leading, false);
      if (length > 0) {
        tokens = tokens.slice(length);
        hasLegalForm = true;
      }
    }
    if (tokens.length > 1) {
      const length = longestPhrase(tokens, trailing, true);
      if (length > 0) {
        tokens = tokens.slice(0, tokens.length - length);
        hasLegalForm = true;
      }
    }
    if (tokens.length === before) break;
  }
  return { tokens, key: tokens.join(' '), compact: tokens.join(''), hasLegalForm };
}

/** The name column (second field) of a CSV file's rows. */
function namesIn(filePath: string): string[] {
  return parseCsv(readFileSync(filePath, 'utf8'))
    .slice(1)
    .map((record) => record.fields[1] ?? '');
}

describe('normalizeName against the plain reference', () => {
  it.skipIf(mayTestsSkipDevSet())('gives the same result for every name of the dev set (master and accounts)', () => {
    const names = [...namesIn(devSetFiles.master), ...namesIn(devSetFiles.accounts)];
    expect(names.length).toBeGreaterThan(5000);
    const differing = names.filter((name) => JSON.stringify(normalizeName(name)) !== JSON.stringify(referenceNormalizeName(name)));
    expect(differing).toEqual([]);
  });

  it('gives the same result for generated companies and a 25,000-row list written from them (the bench generators)', () => {
    const master = generateDemoCompanies(50_000, 7);
    const names = [...master.map((company) => company.name), ...generateAccountRows(master, 25_000, 2026).map((row) => row.name)];
    const differing = names.filter((name) => JSON.stringify(normalizeName(name)) !== JSON.stringify(referenceNormalizeName(name)));
    expect(differing).toEqual([]);
  });

  it('gives the same result for names made of legal forms, initials, "the" and "and"', () => {
    const words = ['the', 'and', '&', 'The', 'Acme', 'j', 'k', 'J.', 'K.', 'b', 'k', 'Holdings', 'Inc.', 'Ltd', 'GmbH', 'Co', 'KG', 'S.p.A.', 'pt', 'ooo', 'Kabushiki', 'Kaisha', 'limited', 'liability', 'company', 'LLC', 'plc', 'p', 'l', 'c', 'AG', '/DE/', '(The)'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 9 }), (picked) => {
        const name = picked.join(' ');
        expect(normalizeName(name)).toEqual(referenceNormalizeName(name));
      }),
      { numRuns: 5000 },
    );
  });

  it('gives the same result for generated names with accents, case, punctuation and legal forms', () => {
    const words = ['Müller', 'SOCIÉTÉ', 'Générale', 'Åkesson', 'ß', 'Straße', 'Ｌｔｄ', 'O’Neil', 'Intl', 'TECH', 'GmbH', '&', 'Co.', 'KG', 'S.A.', 'The', 'É', 'J.', 'K', 'Sp.', 'z', 'o.o.', 'ООО', 'Ромашка', 'a.com', 'Inc', 'Ltda', 'y', 'et', 'Fils', '—', 'B.V.', 'AG'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 8 }), fc.constantFrom(' ', '  ', ', ', '-'), (picked, separator) => {
        const name = picked.join(separator);
        expect(normalizeName(name)).toEqual(referenceNormalizeName(name));
      }),
      { numRuns: 5000 },
    );
  });
});
