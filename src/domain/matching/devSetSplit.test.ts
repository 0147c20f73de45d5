import { describe, expect, it } from 'vitest';
import { devSetHalfOf, selectDevSetHalf } from '../../../bench/matching/devSetSplit';

describe('dev-set split (tuning / validation halves, fixed seed)', () => {
  const accounts = Array.from({ length: 2000 }, (_, n) => ({ rowId: `dev-${n}`, name: `Company ${n % 700}` }));
  // Rows n and n + 700 expect the same company (the second is its duplicate row).
  const truth = new Map(accounts.map((account, n) => [account.rowId, n % 10 === 0 ? { status: 'unmatched', companyId: '' } : { status: n >= 700 ? 'duplicate' : 'matched', companyId: `C${n % 700}` }]));

  it('splits about in half, the same way every time', () => {
    const tuning = selectDevSetHalf(accounts, truth, 'tuning');
    const validation = selectDevSetHalf(accounts, truth, 'validation');
    expect(tuning.accounts.length + validation.accounts.length).toBe(accounts.length);
    expect(Math.abs(tuning.accounts.length - validation.accounts.length)).toBeLessThan(200);
    expect(selectDevSetHalf(accounts, truth, 'tuning').accounts).toEqual(tuning.accounts);
    expect([...validation.truth.keys()]).toEqual(validation.accounts.map((account) => account.rowId));
  });

  it("keeps a company's rows (matched and duplicates) in one half", () => {
    const halves = new Map<string, Set<string>>();
    for (const account of accounts) {
      const expected = truth.get(account.rowId);
      if (!expected?.companyId) continue;
      const seen = halves.get(expected.companyId) ?? new Set();
      seen.add(devSetHalfOf(account.rowId, expected));
      halves.set(expected.companyId, seen);
    }
    for (const seen of halves.values()) expect(seen.size).toBe(1);
  });
});
