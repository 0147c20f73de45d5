import { describe, expect, it } from 'vitest';
import { estimateMatchRate } from './matchRate';

describe('estimateMatchRate', () => {
  it('LinkedIn: from the share of accounts with a domain or page', () => {
    expect(estimateMatchRate('linkedin', { accountCount: 1000, peopleCount: undefined, identifiableCount: 800 })).toEqual({
      lowPercent: 56,
      highPercent: 76,
      basis: '800 of 1,000 accounts (80 %) have a website domain or LinkedIn page; accounts with a website domain or LinkedIn page usually match 70–95 %.',
      expectedMatchedLow: 560,
      expectedMatchedHigh: 760,
      warnings: [],
    });
  });

  it('Meta with no CRM people says 0 people and why', () => {
    const estimate = estimateMatchRate('meta', { accountCount: 40, peopleCount: 0, identifiableCount: 0 });
    expect(estimate.warnings).toEqual([
      "0 people: none of the segment's 40 accounts has a synced CRM contact or lead. Meta audiences are lists of people; connect your CRM and let its contacts sync first.",
    ]);
    expect(estimate.highPercent).toBe(0);
  });

  it('warns below the channel minimum', () => {
    expect(estimateMatchRate('google', { accountCount: 10, peopleCount: 50, identifiableCount: 50 }).warnings).toEqual([
      'Google needs at least 100 matched members to serve; this segment would match about 15–35.',
    ]);
  });
});
