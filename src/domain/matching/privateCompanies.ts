import { createAccountMatcher, matchAccounts, type MatchOptions } from './matchAccounts';
import type { MasterIndex } from './masterIndex';
import type { AccountInput, MatchCandidate, MatchResult } from './types';

/**
 * An organisation's private companies live beside the master ones under ids no import of the master can take:
 * `p:<orgId>:<the organisation's own company id>`.
 */
export function privateCompanyId(orgId: string, externalId: string): string {
  return `p:${orgId}:${externalId}`;
}

/** The organisation's own id of a private company (what its CSV said); the id itself for a master company. */
export function externalCompanyId(companyId: string): string {
  const match = /^p:[0-9a-f-]{36}:(.*)$/s.exec(companyId);
  return match?.[1] ?? companyId;
}

/**
 * Matches against the master and the organisation's private companies. Each row is resolved on both indexes; a
 * match beats no match, the higher score wins, and at equal scores the private company wins (the organisation
 * added it on purpose). A row whose company an earlier row already took is a duplicate, as with the master alone.
 * Without private companies the result is exactly matchAccounts(master, …).
 */
export function matchAccountsWithPrivate(master: MasterIndex, privateIndex: MasterIndex | null, records: readonly AccountInput[], options: MatchOptions): MatchResult[] {
  if (!privateIndex || privateIndex.size === 0) return matchAccounts(master, records, options);
  const masterMatcher = createAccountMatcher(master, options);
  return withPrivateAndDuplicates(
    records.map((record) => masterMatcher.resolve(record, new Set())),
    privateIndex,
    records,
    options,
  );
}

/**
 * The last step of matchAccountsWithPrivate, for master results resolved elsewhere (the worker pool): each row's
 * master result (resolved as if nothing were claimed) against its private one, then duplicates in input order.
 * Without private companies the result is exactly matchAccounts(master, …).
 */
export function withPrivateAndDuplicates(masterResults: readonly MatchResult[], privateIndex: MasterIndex | null, records: readonly AccountInput[], options: MatchOptions): MatchResult[] {
  const privateMatcher = privateIndex && privateIndex.size > 0 ? createAccountMatcher(privateIndex, options) : null;
  const claimedCompanyIds = new Set<string>();
  return records.map((record, position) => {
    // Duplicates are decided here across both indexes, so each index resolves as if nothing were claimed.
    const fromMaster = masterResults[position];
    if (!fromMaster) throw new Error(`no master result for row ${position + 1}`);
    const chosen = privateMatcher ? pickResult(fromMaster, privateMatcher.resolve(record, new Set())) : fromMaster;
    if (chosen.companyId === null || chosen.status === 'unmatched') return chosen;
    const isDuplicate = claimedCompanyIds.has(chosen.companyId);
    claimedCompanyIds.add(chosen.companyId);
    return { ...chosen, status: isDuplicate ? 'duplicate' : 'matched' };
  });
}

function pickResult(fromMaster: MatchResult, fromPrivate: MatchResult): MatchResult {
  const isMasterMatch = fromMaster.status !== 'unmatched';
  const isPrivateMatch = fromPrivate.status !== 'unmatched';
  const candidates = mergeCandidates(fromMaster.candidates, fromPrivate.candidates);
  if (isPrivateMatch && (!isMasterMatch || (fromPrivate.score ?? 0) >= (fromMaster.score ?? 0))) return { ...fromPrivate, candidates };
  if (isMasterMatch) return { ...fromMaster, candidates };
  // Neither matched: the closer miss tells the user more (its reason and score), with the best candidates of both.
  const closer = (fromPrivate.score ?? -1) > (fromMaster.score ?? -1) ? fromPrivate : fromMaster;
  return { ...closer, candidates };
}

function mergeCandidates(a: readonly MatchCandidate[], b: readonly MatchCandidate[]): MatchCandidate[] {
  return [...a, ...b].sort((x, y) => y.score - x.score).slice(0, 3);
}
