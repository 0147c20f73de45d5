// Brand names against registered legal names, no domains (testdata/brand-legal-*.csv, sources in testdata/README.md):
// recall >= 0.93 at precision >= 0.99.
import { describe, expect, it } from 'vitest';
import { buildBrandLegalIndex, readBrandLegalSet, scoreBrandLegal } from '../../../bench/matching/brandLegalSet';
import { buildExclusionSet } from './excludedDomains';
import { matchAccounts } from './matchAccounts';

describe('brand names against registered legal names', () => {
  it('finds at least 93 % of 300+ brands at precision 0.99, and matches no absent brand', () => {
    const set = readBrandLegalSet();
    const results = matchAccounts(buildBrandLegalIndex(set), set.rows, { excludedDomains: buildExclusionSet() });
    const accuracy = scoreBrandLegal(set, results);
    expect(accuracy.pairs).toBeGreaterThanOrEqual(300);
    expect(accuracy.absent).toBeGreaterThanOrEqual(100);
    expect(accuracy.recall, accuracy.misses.join('\n')).toBeGreaterThanOrEqual(0.93);
    expect(accuracy.precision, accuracy.wrong.join('\n')).toBeGreaterThanOrEqual(0.99);
    expect(accuracy.absentMatched).toBe(0);
  });
});
