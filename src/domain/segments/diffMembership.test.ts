import { describe, expect, it } from 'vitest';
import { diffMembership, EMPTY_SNAPSHOT, type MembershipSnapshot } from './diffMembership';

const snap = (members: Array<[string, string | null, boolean?]>, rowKeys: string[] = [], filteredOut: string[] = []): MembershipSnapshot => ({
  members: members.map(([companyId, rowKey, isManualMatch]) => ({ companyId, rowKey, isManualMatch: isManualMatch ?? false })),
  rowKeys,
  filteredOutCompanyIds: filteredOut,
});

describe('diffMembership', () => {
  it('reports nothing when membership is unchanged', () => {
    const same = snap([['c1', 'account:1']], ['account:1']);
    expect(diffMembership(same, same)).toEqual({ added: [], removed: [] });
  });

  it('first build: every member added from the source', () => {
    expect(diffMembership(EMPTY_SNAPSHOT, snap([['c2', 'account:2'], ['c1', 'account:1']], ['account:1', 'account:2']))).toEqual({
      added: [
        { companyId: 'c1', why: 'added_to_source' },
        { companyId: 'c2', why: 'added_to_source' },
      ],
      removed: [],
    });
  });

  it.each<[string, MembershipSnapshot, MembershipSnapshot, ReturnType<typeof diffMembership>]>([
    [
      'a row left the source',
      snap([['c1', 'account:1'], ['c2', 'account:2']], ['account:1', 'account:2']),
      snap([['c1', 'account:1']], ['account:1']),
      { added: [], removed: [{ companyId: 'c2', why: 'removed_from_source' }] },
    ],
    [
      'a row stayed but no longer matches a company',
      snap([['c2', 'account:2']], ['account:2']),
      snap([], ['account:2']),
      { added: [], removed: [{ companyId: 'c2', why: 'no_longer_matched' }] },
    ],
    [
      'a row already in the source now matches',
      snap([], ['account:3']),
      snap([['c3', 'account:3']], ['account:3']),
      { added: [{ companyId: 'c3', why: 'newly_matched' }], removed: [] },
    ],
    [
      'a user picked the company',
      snap([], ['row:acme||']),
      snap([['c4', 'row:acme||', true]], ['row:acme||']),
      { added: [{ companyId: 'c4', why: 'manual_match' }], removed: [] },
    ],
    [
      'filters now leave a listed company out, and let another in',
      snap([['c1', 'account:1']], ['account:1', 'account:2'], ['c2']),
      snap([['c2', 'account:2']], ['account:1', 'account:2'], ['c1']),
      { added: [{ companyId: 'c2', why: 'now_matches_filters' }], removed: [{ companyId: 'c1', why: 'no_longer_matches_filters' }] },
    ],
    [
      'a filter-only segment',
      snap([['c1', null], ['c2', null]]),
      snap([['c2', null], ['c3', null]]),
      { added: [{ companyId: 'c3', why: 'now_matches_filters' }], removed: [{ companyId: 'c1', why: 'no_longer_matches_filters' }] },
    ],
  ])('%s', (_title, previous, current, expected) => {
    expect(diffMembership(previous, current)).toEqual(expected);
  });
});
