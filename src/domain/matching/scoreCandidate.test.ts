import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactSimilarity, compactSimilarityToWords, containmentSimilarity, isWordsWrittenTogether } from './scoreCandidate';

const score = (input: string[], inputWeights: number[], candidate: string[], candidateWeights: number[]) => containmentSimilarity(input, inputWeights, candidate, candidateWeights);

describe('containmentSimilarity (a brand inside a longer registered name)', () => {
  it('scores a rare brand at the start of the legal name as a match, elsewhere a little lower', () => {
    const prefix = score(['toyota'], [6], ['toyota', 'motor'], [1]);
    const inside = score(['lufthansa'], [6], ['deutsche', 'lufthansa'], [1]);
    expect(prefix).toBeGreaterThanOrEqual(0.87);
    expect(inside).toBeLessThan(prefix);
    expect(inside).toBeGreaterThanOrEqual(0.85);
  });

  it('finds a brand written as one word in the first words of the name', () => {
    expect(score(['lionsgate'], [8], ['lions', 'gate', 'entertainment'], [3, 3, 2])).toBeGreaterThan(0.8);
    expect(score(['lionsgate'], [8], ['lions', 'gatehouse'], [3, 3])).toBe(0);
  });

  it('is 0 when a brand word is missing or the candidate has nothing more', () => {
    expect(score(['toyota', 'finance'], [6, 2], ['toyota', 'motor'], [6, 1])).toBe(0);
    expect(score(['toyota'], [6], ['toyota'], [6])).toBe(0);
    expect(score([], [], ['toyota'], [6])).toBe(0);
  });

  it('weighs by rarity: rarer brand words score higher, rarer extra words lower', () => {
    const weight = fc.double({ min: 0.1, max: 12, noNaN: true });
    fc.assert(
      fc.property(weight, weight, weight, (a, b, extra) => {
        const [rare, common] = a >= b ? [a, b] : [b, a];
        expect(score(['acme'], [rare], ['acme', 'labs'], [extra])).toBeGreaterThanOrEqual(score(['acme'], [common], ['acme', 'labs'], [extra]));
        expect(score(['acme'], [rare], ['acme', 'labs'], [common])).toBeGreaterThanOrEqual(score(['acme'], [rare], ['acme', 'labs'], [rare]));
        const value = score(['acme'], [a], ['acme', 'labs'], [extra]);
        expect(value).toBeGreaterThan(0.7);
        expect(value).toBeLessThanOrEqual(0.9);
      }),
    );
  });
});

describe('compactSimilarityToWords (the name without spaces, compared without joining the words)', () => {
  it('equals compactSimilarity of the joined words', () => {
    const word = fc.stringMatching(/^[ab]{1,5}$/);
    fc.assert(
      fc.property(fc.stringMatching(/^[ab]{0,14}$/), fc.array(word, { maxLength: 4 }), (compact, words) => {
        const joined = words.join('');
        expect(compactSimilarityToWords(compact, words, joined.length)).toBe(compactSimilarity(compact, joined));
        expect(isWordsWrittenTogether(compact, words)).toBe(compact === joined);
      }),
      { numRuns: 2000 },
    );
    expect(compactSimilarityToWords('plumdistrict', ['plum', 'district'], 12)).toBe(1);
    expect(compactSimilarityToWords('elinemedia', ['e', 'line', 'media'], 10)).toBe(1);
    expect(compactSimilarityToWords('plumdistrct', ['plum', 'district'], 12)).toBe(0.88);
  });
});
