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

  it('is symmetric and never above the length of the longer string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const distance = boundedEditDistance(a, b, 30);
        return distance === boundedEditDistance(b, a, 30) && distance <= Math.max(a.length, b.length);
      }),
    );
  });
});
