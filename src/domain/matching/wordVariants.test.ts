import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedEditDistance, isOneEditAway } from './similarity';
import { WordVariants } from './wordVariants';

/** The lookup as it was before the buckets were written as one string: each word compared with the distance table. */
function findByDistance(wordTexts: readonly string[], word: string, limit: number): number[] {
  if (word.length < 4) return [];
  const found: number[] = [];
  const hasDigit = (text: string): boolean => /\d/.test(text);
  for (let length = word.length - 1; length <= word.length + 1; length++) {
    for (const isHead of [true, false]) {
      const edge = isHead ? word.slice(0, 2) : word.slice(-2);
      for (let id = 0; id < wordTexts.length; id++) {
        const text = wordTexts[id] ?? '';
        if (text.length !== length || text.length < 3 || (isHead ? text.slice(0, 2) : text.slice(-2)) !== edge) continue;
        if (found.includes(id) || hasDigit(text) !== hasDigit(word) || boundedEditDistance(word, text, 1) !== 1) continue;
        found.push(id);
        if (found.length === limit) return found;
      }
    }
  }
  return found;
}

describe('isOneEditAway', () => {
  it('is boundedEditDistance(a, b, 1) === 1, also for a word inside a longer text', () => {
    const text = fc.stringMatching(/^[ab1é]{0,8}$/);
    fc.assert(
      fc.property(text, text, text, (a, b, before) => {
        expect(isOneEditAway(a, before + b + 'x', before.length, b.length)).toBe(boundedEditDistance(a, b, 1) === 1);
      }),
      { numRuns: 3000 },
    );
  });

  it('knows each kind of edit', () => {
    const oneEdit = (a: string, b: string): boolean => isOneEditAway(a, b, 0, b.length);
    expect(oneEdit('advisers', 'advisors')).toBe(true);
    expect(oneEdit('advisers', 'adviser')).toBe(true);
    expect(oneEdit('adviser', 'advisers')).toBe(true);
    expect(oneEdit('advisers', 'adivsers')).toBe(true);
    expect(oneEdit('advisers', 'advisers')).toBe(false);
    expect(oneEdit('advisers', 'adivsors')).toBe(false);
    expect(oneEdit('abcd', 'ab')).toBe(false);
  });
});

describe('WordVariants', () => {
  it('finds the same words, in the same order, as comparing each word with the distance table', () => {
    const word = fc.stringMatching(/^[ab1]{2,7}$/);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 60 }), word, fc.integer({ min: 1, max: 4 }), (vocabulary, query, limit) => {
        expect(new WordVariants(vocabulary).find(query, limit)).toEqual(findByDistance(vocabulary, query, limit));
      }),
      { numRuns: 2000 },
    );
  });
});
