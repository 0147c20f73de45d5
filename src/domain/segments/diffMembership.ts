/**
 * What changed between two memberships of a segment, and why each account came or went. Pure: the refresh use case
 * builds both snapshots (the stored one and the new one) and stores the result as the refresh's diff.
 */
export interface MembershipSnapshot {
  /** Members, each with the source row that brought it in (null for filter-only segments) and whether a user picked it. */
  readonly members: ReadonlyArray<{ readonly companyId: string; readonly rowKey: string | null; readonly isManualMatch: boolean }>;
  /** Every row key the source gave (empty for filter-only segments). */
  readonly rowKeys: readonly string[];
  /** Companies the source resolved to but the segment's filters left out. */
  readonly filteredOutCompanyIds: readonly string[];
}

export const EMPTY_SNAPSHOT: MembershipSnapshot = { members: [], rowKeys: [], filteredOutCompanyIds: [] };

export const ADDED_REASONS = ['added_to_source', 'newly_matched', 'manual_match', 'now_matches_filters'] as const;
export const REMOVED_REASONS = ['removed_from_source', 'no_longer_matched', 'no_longer_matches_filters'] as const;
export type AddedReason = (typeof ADDED_REASONS)[number];
export type RemovedReason = (typeof REMOVED_REASONS)[number];

export const CHANGE_REASON_LABELS: Readonly<Record<AddedReason | RemovedReason, string>> = {
  added_to_source: 'Added to the CRM list, report or file',
  newly_matched: 'Now matched to the master company database',
  manual_match: 'Matched by a user',
  now_matches_filters: 'Now matches the filters',
  removed_from_source: 'Removed from the CRM list, report or file',
  no_longer_matched: 'No longer matched to the master company database',
  no_longer_matches_filters: 'No longer matches the filters',
};

export interface MembershipDiff {
  added: Array<{ companyId: string; why: AddedReason }>;
  removed: Array<{ companyId: string; why: RemovedReason }>;
}

export function diffMembership(previous: MembershipSnapshot, current: MembershipSnapshot): MembershipDiff {
  const previousMembers = new Map(previous.members.map((member) => [member.companyId, member]));
  const currentMembers = new Map(current.members.map((member) => [member.companyId, member]));
  const previousRowKeys = new Set(previous.rowKeys);
  const currentRowKeys = new Set(current.rowKeys);
  const previouslyFilteredOut = new Set(previous.filteredOutCompanyIds);
  const nowFilteredOut = new Set(current.filteredOutCompanyIds);

  const added: MembershipDiff['added'] = [];
  for (const member of current.members) {
    if (previousMembers.has(member.companyId)) continue;
    added.push({ companyId: member.companyId, why: addedReason(member, previousRowKeys, previouslyFilteredOut) });
  }
  const removed: MembershipDiff['removed'] = [];
  for (const member of previous.members) {
    if (currentMembers.has(member.companyId)) continue;
    removed.push({ companyId: member.companyId, why: removedReason(member, currentRowKeys, nowFilteredOut) });
  }
  const byCompany = (a: { companyId: string }, b: { companyId: string }) => (a.companyId < b.companyId ? -1 : a.companyId > b.companyId ? 1 : 0);
  return { added: added.sort(byCompany), removed: removed.sort(byCompany) };
}

function addedReason(member: MembershipSnapshot['members'][number], previousRowKeys: ReadonlySet<string>, previouslyFilteredOut: ReadonlySet<string>): AddedReason {
  if (member.isManualMatch) return 'manual_match';
  if (member.rowKey === null) return 'now_matches_filters';
  if (previouslyFilteredOut.has(member.companyId)) return 'now_matches_filters';
  return previousRowKeys.has(member.rowKey) ? 'newly_matched' : 'added_to_source';
}

function removedReason(member: MembershipSnapshot['members'][number], currentRowKeys: ReadonlySet<string>, nowFilteredOut: ReadonlySet<string>): RemovedReason {
  if (member.rowKey === null || nowFilteredOut.has(member.companyId)) return 'no_longer_matches_filters';
  return currentRowKeys.has(member.rowKey) ? 'no_longer_matched' : 'removed_from_source';
}
