import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedEditDistance, jaroWinkler } from './similarity';

describe('jaroWinkler', () => {
  it('scores the textbook pairs', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('abc', 'abc')).toBe(1);
    expect(jaroWinkler('abc', '')).toBe(0);
  });
});

describe('boundedEditDistance', () => {
  it('counts substitutions, insertions, deletions and adjacent swaps', () => {
    expect(boundedEditDistance('kestrel', 'kestrel', 2)).toBe(0);
    expect(boundedEditDistance('kestrel', 'kestral', 2)).toBe(1);
    expect(boundedEditDistance('kestrel', 'kestrle', 2)).toBe(1);
    expect(boundedEditDistance('kestrel', 'kestre', 2)).toBe(1);
    expect(boundedEditDistance('kestrel', 'ketsrle', 2)).toBe(2);
  });

  it('stops at the bound', () => {
    expect(boundedEditDistance('northwind', 'southward', 1)).toBe(2);
  });

  it('is the full distance when within the bound, else the bound + 1 (only the band near the diagonal is computed)', () => {
    // The whole table, as a reference.
    const fullDistance = (a: string, b: string): number => {
      const table = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
          const row = table[i] as number[];
          const above = table[i - 1] as number[];
          row[j] = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] as number, ((table[i - 2] as number[])[j - 2] as number) + 1);
        }
      }
      return (table[a.length] as number[])[b.length] as number;
    };
    const text = fc.stringMatching(/^[abc]{0,9}$/);
    fc.assert(
      fc.property(text, text, fc.integer({ min: 0, max: 4 }), (a, b, bound) => {
        expect(boundedEditDistance(a, b, bound)).toBe(Math.min(fullDistance(a, b), bound + 1));
      }),
      { numRuns: 3000 },
    );
  });

  it('is symmetric and never above the length of the longer string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const distance = boundedEditDistance(a, b, 30);
        return distance === boundedEditDistance(b, a, 30) && distance <= Math.max(a.length, b.length);
      }),
    );
  });
});
