import type { Db } from '../../adapters/db/database';
import { createMatchBatch, getMatchBatch, getMatchSettings, listExcludedDomains, replaceMatchResults } from '../../adapters/db/repositories/companiesMatching';
import { AppError } from '../../domain/appError';
import { buildExclusionSet } from '../../domain/matching/excludedDomains';
import { summarizeResults, type AccountInput, type MatchResult, type MatchSummary } from '../../domain/matching/types';
import { loadMasterIndex } from './loadMasterIndex';
import { loadPrivateIndex } from './loadPrivateIndex';
import { defaultMatchThreads, matchOnAllCores, type MatchThreads } from './matchOnAllCores';

export interface MatchAccountsForOrgInput {
  orgId: string;
  /** Re-match an existing batch (its old results are replaced); omitted: a new batch. */
  batchId?: string;
  records: readonly AccountInput[];
}

export interface MatchAccountsForOrgOutput {
  batchId: string;
  summary: MatchSummary;
  /** In input order, one per record. */
  results: MatchResult[];
}

/**
 * Matches a list of account records (a CRM list or report, an uploaded file) against the master companies and the
 * organisation's own private companies, with its exclusion list, and stores every row's status, reason, score and candidates in one
 * transaction, so the confirmation page and downloads read them back.
 */
export async function matchAccountsForOrg(input: MatchAccountsForOrgInput, deps: { db: Db; matchThreads?: MatchThreads }): Promise<MatchAccountsForOrgOutput> {
  const index = await loadMasterIndex(deps.db);
  const privateIndex = await loadPrivateIndex(deps.db, input.orgId);
  const excludedDomains = buildExclusionSet(await listExcludedDomains(deps.db, input.orgId));
  const { nameFallbackOnExcludedDomain } = await getMatchSettings(deps.db, input.orgId);
  // A long list is matched on every core (the worker pool), a short one in-thread: the same results.
  const results = await matchOnAllCores(index, privateIndex, input.records, { excludedDomains, nameFallbackOnExcludedDomain }, deps.matchThreads ?? defaultMatchThreads());
  const summary = summarizeResults(results);
  const batchId = await deps.db.transaction(async (tx) => {
    let id = input.batchId;
    if (id === undefined) {
      id = await createMatchBatch(tx, input.orgId);
    } else if (!(await getMatchBatch(tx, input.orgId, id))) {
      throw new AppError('not_found', `Match batch ${id} does not exist.`);
    }
    await replaceMatchResults(tx, input.orgId, id, input.records, results, summary);
    return id;
  });
  return { batchId, summary, results };
}
