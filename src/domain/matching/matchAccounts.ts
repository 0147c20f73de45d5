import { checkHash } from './hashString';
import { Blocker, type Blocking, type PreparedAccount, type TokenInfo } from './matchBlocking';
import type { MasterIndex } from './masterIndex';
import { companyIdOfRow, completenessOfRow, countryOfRow, domainCheckOfRow, rowFields, rowWordStart } from './masterIndexRows';
import { readCandidatesAhead } from './readCandidatesAhead';
import { normalizeCountry } from './normalizeCountry';
import { domainLabel, normalizeDomain } from './normalizeDomain';
import { normalizeName } from './normalizeName';
import { compactSimilarityToWords, containmentSimilarity, isWordsWrittenTogether, weightedNameSimilarity } from './scoreCandidate';
import { isOtherShortWord } from './similarity';
import type { AccountInput, MatchCandidate, MatchResult, UnmatchedReason } from './types';

export interface MatchOptions {
  /** Registrable domains that never identify a company: buildExclusionSet(orgAdditions). */
  excludedDomains: ReadonlySet<string>;
  /** Lowest score that counts as a match (default 0.86, chosen on the dev set's tuning half: bench/matching/tuneThreshold.ts). */
  matchThreshold?: number;
  /**
   * A row whose domain is on the exclusion list (gmail.com, hotmail.com…) is matched on its name and country, the
   * domain counting for nothing (on by default; note "name_country_fallback"). false: such rows stay unmatched with
   * the reason "excluded_domain", as the spec has it (except a company's own domain, see scoreCandidate).
   */
  nameFallbackOnExcludedDomain?: boolean;
}

export const defaultMatchThreshold = 0.86;
/** A runner-up this close to the best candidate makes the row ambiguous (the confirmation page shows those as equal fits: equalFits.ts). */
export const ambiguityMargin = 0.04;
/** A domain shared by more master companies than this identifies none of them. */
const maxCompaniesPerDomain = 3;
/** Candidates offered to the user (best first), and the lowest score worth offering: unrelated companies score less. */
const offeredCandidates = 3;
export const candidateFloor = 0.4;
/** A brand this short ("BI") is too little of a longer name to stand for it. */
const minContainedLength = 4;
/** Similarity of a one-word brand to the company whose initials it is, alone with them or sharing them. */
const uniqueInitialsSimilarity = 0.88;
const sharedInitialsSimilarity = 0.8;
/** The name similarity at which a row with a company's own (excluded) domain, github.com for GitHub, is that company. */
const ownDomainMinSimilarity = 0.8;

interface CandidateName {
  tokens: string[];
  weights: number[];
  /** Length of the normalised name (tokens joined by spaces). */
  keyLength: number;
}

interface ScoredCandidate {
  company: number;
  score: number;
}

/**
 * Matches account records to the master companies, in input order: the first row that resolves to a company is
 * `matched`, later rows resolving to the same company are `duplicate`. Pure and synchronous.
 */
export function matchAccounts(index: MasterIndex, records: readonly AccountInput[], options: MatchOptions): MatchResult[] {
  const matcher = createAccountMatcher(index, options);
  const claimed = new Set<number>();
  return records.map((record) => matcher.resolve(record, claimed));
}

export interface AccountMatcher {
  /** Resolves one record; `claimed` holds the companies earlier rows of the same list matched (updated). */
  resolve(record: AccountInput, claimed: Set<number>): MatchResult;
}

/**
 * One row goes through four stages: blocking (matchBlocking.ts: the companies worth scoring), evidence (each
 * candidate's score from name, domain and country), decision (match, duplicate or why not) and candidates (what the
 * user is offered to choose from).
 */
export function createAccountMatcher(index: MasterIndex, options: MatchOptions): AccountMatcher {
  const threshold = options.matchThreshold ?? defaultMatchThreshold;
  const isFallbackOn = options.nameFallbackOnExcludedDomain ?? true;
  const blocker = new Blocker(index);
  const prepare = accountPreparer(index, options, blocker);

  function resolve(record: AccountInput, claimed: Set<number>): MatchResult {
    const account = prepare(record);
    if (!account.name && !account.domain) return unmatchedResult(record.rowId, account.isDomainExcluded ? 'excluded_domain' : 'missing_data', [], null);
    const blocking = blocker.gather(account);
    const scored = scoreCandidates(index, account, blocking);
    const result = decide(index, account, scored, claimed, { rowId: record.rowId, threshold, isFallbackOn });
    if (result.status === 'unmatched') withSpellingVariants(index, account, blocker, blocking, result);
    return result;
  }

  return { resolve };
}

/** Normalises a row's name, domain and country (each country spelling once per list). */
function accountPreparer(index: MasterIndex, options: MatchOptions, blocker: Blocker): (record: AccountInput) => PreparedAccount {
  const countryIndexes = new Map(index.countryCodes.map((code, position) => [code, position]));
  const countryBySpelling = new Map<string, string | null>();
  function countryOf(raw: string | null | undefined): string | null {
    if (raw === null || raw === undefined) return null;
    let country = countryBySpelling.get(raw);
    if (country === undefined) {
      country = normalizeCountry(raw);
      if (countryBySpelling.size > 10_000) countryBySpelling.clear();
      countryBySpelling.set(raw, country);
    }
    return country;
  }

  return (record) => {
    const rawDomain = normalizeDomain(record.domain);
    const isDomainExcluded = rawDomain !== null && options.excludedDomains.has(rawDomain);
    const country = countryOf(record.country);
    // An excluded domain counts for nothing: neither for the row nor against it.
    const domain = isDomainExcluded ? null : rawDomain;
    const name = normalizeName(record.name);
    const tokenInfos: TokenInfo[] = [];
    const weights: number[] = [];
    if (name) {
      for (const token of name.tokens) {
        const info = blocker.tokenInfo(token);
        tokenInfos.push(info);
        weights.push(info.weight);
      }
    }
    return {
      name,
      tokenInfos,
      weights,
      domain,
      domainCheck: domain ? checkHash(domain) || 1 : -1,
      domainCompact: domain ? withoutHyphens(domainLabel(domain)) : '',
      isDomainExcluded,
      excludedDomainCheck: isDomainExcluded && rawDomain ? checkHash(rawDomain) || 1 : -1,
      countryIndex: country ? (countryIndexes.get(country) ?? -1) : 0,
      hasCountry: country !== null,
    };
  };
}

// ---- Evidence: each candidate's score --------------------------------------------------------------------------

/** The blocked candidates scored and ranked (best first; ties: the more complete record, then the lower index). */
function scoreCandidates(index: MasterIndex, account: PreparedAccount, blocking: Blocking): ScoredCandidate[] {
  const candidates = blocking.candidates;
  const rows = index.rows;
  const scored: ScoredCandidate[] = [];
  readCandidatesAhead(index, candidates);
  // Each into its place as it is scored (a dozen candidates): the same total order as a sort, with no comparator calls.
  for (let position = 0; position < candidates.length; position++) {
    const company = candidates[position] ?? 0;
    const entry: ScoredCandidate = { company, score: scoreCandidate(index, account, company, blocking) };
    let slot = scored.length;
    scored.push(entry);
    while (slot > 0 && ranksBefore(entry, scored[slot - 1] as ScoredCandidate, rows)) {
      scored[slot] = scored[slot - 1] as ScoredCandidate;
      slot--;
    }
    scored[slot] = entry;
  }
  return index.primaryRows ? eachCompanyOnce(index.primaryRows, scored) : scored;
}

/** A company's other names are rows of their own (MasterIndex.primaryRows): each company is kept once, at its best name's score, as its first row. */
function eachCompanyOnce(primaryRows: Uint32Array, scored: readonly ScoredCandidate[]): ScoredCandidate[] {
  const seen = new Set<number>();
  const kept: ScoredCandidate[] = [];
  for (const candidate of scored) {
    const company = primaryRows[candidate.company] ?? candidate.company;
    if (seen.has(company)) continue;
    seen.add(company);
    kept.push({ company, score: candidate.score });
  }
  return kept;
}

/** Higher score first; ties: the more complete record, then the lower index. */
function ranksBefore(a: ScoredCandidate, b: ScoredCandidate, rows: Uint32Array): boolean {
  if (a.score !== b.score) return a.score > b.score;
  const completenessA = completenessOfRow(rows, a.company);
  const completenessB = completenessOfRow(rows, b.company);
  if (completenessA !== completenessB) return completenessA > completenessB;
  return a.company < b.company;
}

/**
 * One candidate's score: the name similarity (words weighted by rarity, the name written without spaces, a brand
 * contained in a longer registered name), raised by a shared domain, then moved by the country (agreeing +0.04,
 * disagreeing -0.15). Scores above 1 are kept for ranking (a domain match beats the same name without it).
 */
function scoreCandidate(index: MasterIndex, account: PreparedAccount, company: number, blocking: Blocking): number {
  const domainCompanies = blocking.domainCompanies;
  const domainCheck = domainCheckOfRow(index.rows, company);
  // The row's domain is the company's (main, or one of its other domains, whose name must then agree).
  const isMainDomain = account.domainCheck !== -1 && domainCheck === account.domainCheck;
  const isOtherDomain = !isMainDomain && blocking.otherDomainCompanies.length > 0 && blocking.otherDomainCompanies.includes(company);
  const isOwnExcludedDomain = account.excludedDomainCheck !== -1 && domainCheck === account.excludedDomainCheck;
  const candidate = candidateName(index, company);
  const name = account.name;
  let score: number;
  const isDomainMatch = isMainDomain || isOtherDomain;
  if (name && candidate.tokens.length > 0) {
    let similarity = nameSimilarity(account, candidate, isDomainMatch);
    // The brand is the company's initials ("BMW"): as good as a distinctive prefix when no other company has them.
    if (blocking.initialsCompanies.includes(company)) similarity = Math.max(similarity, blocking.initialsBlockSize === 1 ? uniqueInitialsSimilarity : sharedInitialsSimilarity);
    if (isOtherDomain && similarity < ownDomainMinSimilarity) {
      // Other domains carry no second hash: without an agreeing name they say nothing.
      score = similarity;
    } else if (isDomainMatch) {
      score = domainCompanies <= maxCompaniesPerDomain ? 0.72 + 0.38 * similarity : similarity;
    } else if (isOwnExcludedDomain && similarity >= ownDomainMinSimilarity) {
      // github.com is on the exclusion list, and it is GitHub's own domain: with the name agreeing, that is GitHub.
      score = 0.72 + 0.38 * similarity;
    } else {
      score = similarity;
      if (account.domain && domainCheck !== 0) score -= 0.04;
    }
  } else if (isMainDomain) {
    score = domainCompanies === 1 ? 0.92 : 0.5;
  } else {
    score = 0;
  }
  const candidateCountry = countryOfRow(index.rows, company);
  if (account.hasCountry && candidateCountry !== 0) score += candidateCountry === account.countryIndex ? 0.04 : -0.15;
  return Math.max(0, score);
}

function nameSimilarity(account: PreparedAccount, candidate: CandidateName, isDomainMatch: boolean): number {
  const name = account.name;
  if (!name) return 0;
  let similarity = weightedNameSimilarity(name.tokens, account.weights, candidate.tokens, candidate.weights);
  if (!name.hasLegalForm && name.compact.length >= minContainedLength) {
    similarity = Math.max(similarity, containmentSimilarity(name.tokens, account.weights, candidate.tokens, candidate.weights));
  }
  // The name without spaces is built only when it can count: compactSimilarity is 0 for lengths more than 2
  // apart, and the domain label must be equal.
  const compactLength = candidate.keyLength - (candidate.tokens.length - 1);
  const isDomainLabelComparable = !isDomainMatch && account.domain !== null && account.domainCompact.length === compactLength;
  if (Math.abs(name.compact.length - compactLength) <= 2 || isDomainLabelComparable) {
    if (!isOtherShortWord(name.tokens, candidate.tokens)) similarity = Math.max(similarity, compactSimilarityToWords(name.compact, candidate.tokens, compactLength));
    // The account's website is the company's name ("plumdistrict.com" for "Plum District").
    if (isDomainLabelComparable && isWordsWrittenTogether(account.domainCompact, candidate.tokens)) similarity = Math.max(similarity, 0.9);
  }
  return similarity;
}

/**
 * Reused records of the candidate being scored, one per word count (scoring is synchronous and keeps none of it),
 * their arrays written in place and never shortened: setting an array's length is a runtime call, and emptying it
 * drops its storage, so that each push after it allocated again (two arrays per candidate).
 */
const scratchCandidates: CandidateName[] = [];

function scratchCandidateOf(wordCount: number): CandidateName {
  while (scratchCandidates.length <= wordCount) {
    const count = scratchCandidates.length;
    const tokens: string[] = [];
    const weights: number[] = [];
    for (let position = 0; position < count; position++) {
      tokens.push('');
      // A fractional weight, so that the array holds doubles from the start (as the weights written into it).
      weights.push(0.5);
    }
    scratchCandidates.push({ tokens, weights, keyLength: 0 });
  }
  return scratchCandidates[wordCount] as CandidateName;
}

/**
 * A candidate's words and weights, in the scratch record of its word count (valid until the next call). The index
 * keeps each company's words as ids into a vocabulary of decoded words with their weights: nothing to decode, split
 * or look up per candidate.
 */
function candidateName(index: MasterIndex, company: number): CandidateName {
  const { rows, nameWords, wordTexts, wordWeights } = index;
  const start = rows[company * rowFields + rowWordStart] ?? 0;
  const end = rows[(company + 1) * rowFields + rowWordStart] ?? start;
  const candidate = scratchCandidateOf(end - start);
  const { tokens, weights } = candidate;
  let keyLength = end - start - 1;
  for (let position = start; position < end; position++) {
    const word = nameWords[position] ?? 0;
    const text = wordTexts[word] ?? '';
    keyLength += text.length;
    tokens[position - start] = text;
    weights[position - start] = wordWeights[word] ?? 0;
  }
  candidate.keyLength = Math.max(0, keyLength);
  return candidate;
}

// ---- Decision: matched, duplicate, or why not -------------------------------------------------------------------

interface DecisionContext {
  rowId: string;
  threshold: number;
  isFallbackOn: boolean;
}

function decide(index: MasterIndex, account: PreparedAccount, scored: readonly ScoredCandidate[], claimed: Set<number>, context: DecisionContext): MatchResult {
  const { rowId, threshold } = context;
  const offered = candidatesToOffer(index, scored);
  const best = scored[0];
  const bestScore = best ? round(best.score) : null;
  if (!best) return unmatchedDecision(account, rowId, 'no_candidate', offered, bestScore);
  if (best.score < threshold) return unmatchedDecision(account, rowId, 'low_score', offered, bestScore);
  const runnerUp = scored[1];
  // Identical names at equal scores are duplicate master records: the more complete one is the company of record.
  if (runnerUp && runnerUp.score >= best.score - ambiguityMargin && !isDuplicateRecord(index, runnerUp.company, best.company)) return unmatchedDecision(account, rowId, 'ambiguous', offered, bestScore);
  let note: MatchResult['note'];
  if (account.isDomainExcluded && !isOwnExcludedDomain(index, account, best.company)) {
    // The fallback: name and country only, so the country must be given and agree.
    const isCountryAgreeing = account.hasCountry && account.countryIndex > 0 && countryOfRow(index.rows, best.company) === account.countryIndex;
    if (!context.isFallbackOn || !isCountryAgreeing) return unmatchedDecision(account, rowId, 'low_score', offered, bestScore);
    note = 'name_country_fallback';
  }
  const isDuplicate = claimed.has(best.company);
  claimed.add(best.company);
  // The best candidate is offered first whenever it reaches the floor: its id is decoded already.
  const first = offered[0];
  const companyId = first !== undefined && best.score >= candidateFloor ? first.companyId : companyIdOfRow(index, best.company);
  const result: MatchResult = { rowId, status: isDuplicate ? 'duplicate' : 'matched', companyId, score: bestScore, reason: null, candidates: offered };
  if (note) result.note = note;
  return result;
}

/** Rows with an excluded domain keep the spec's reason whenever they stay unmatched. */
function unmatchedDecision(account: PreparedAccount, rowId: string, reason: UnmatchedReason, offered: MatchCandidate[], bestScore: number | null): MatchResult {
  return unmatchedResult(rowId, account.isDomainExcluded ? 'excluded_domain' : reason, offered, bestScore);
}

function isOwnExcludedDomain(index: MasterIndex, account: PreparedAccount, company: number): boolean {
  return account.excludedDomainCheck !== -1 && domainCheckOfRow(index.rows, company) === account.excludedDomainCheck;
}

function isDuplicateRecord(index: MasterIndex, runnerUp: number, best: number): boolean {
  return completenessOfRow(index.rows, runnerUp) < completenessOfRow(index.rows, best) && hasSameName(index, runnerUp, best);
}

/** Equal normalised names: the same word ids in the same order. */
function hasSameName(index: MasterIndex, a: number, b: number): boolean {
  const { rows, nameWords } = index;
  const startA = rows[a * rowFields + rowWordStart] ?? 0;
  const startB = rows[b * rowFields + rowWordStart] ?? 0;
  const length = (rows[(a + 1) * rowFields + rowWordStart] ?? startA) - startA;
  if ((rows[(b + 1) * rowFields + rowWordStart] ?? startB) - startB !== length) return false;
  for (let offset = 0; offset < length; offset++) if (nameWords[startA + offset] !== nameWords[startB + offset]) return false;
  return true;
}

// ---- Candidates: what the user may pick from ---------------------------------------------------------------------

/** Up to three best candidates, best first, none below the floor (an unrelated company is no candidate). */
function candidatesToOffer(index: MasterIndex, scored: readonly ScoredCandidate[]): MatchCandidate[] {
  const offered: MatchCandidate[] = [];
  for (const candidate of scored) {
    if (offered.length === offeredCandidates || candidate.score < candidateFloor) break;
    offered.push({ companyId: companyIdOfRow(index, candidate.company), score: round(candidate.score) });
  }
  return offered;
}

/**
 * An unmatched row's candidates completed with companies spelled one edit differently ("Barnes Advisors" for
 * "Barnes Advisers"), which blocking on exact words cannot find; offered, not matched (matchBlocking.ts says why).
 */
function withSpellingVariants(index: MasterIndex, account: PreparedAccount, blocker: Blocker, blocking: Blocking, result: MatchResult): void {
  if (result.candidates.length === offeredCandidates) return;
  const variants = blocker.spellingVariants(account, blocking.candidates);
  if (variants.length === 0) return;
  const scored = scoreCandidates(index, account, { ...blocking, candidates: variants });
  const offered = [...result.candidates, ...candidatesToOffer(index, scored)]
    .sort((a, b) => b.score - a.score)
    // A variant may be another name of a company already offered (MasterIndex.primaryRows).
    .filter((candidate, position, all) => all.findIndex((other) => other.companyId === candidate.companyId) === position)
    .slice(0, offeredCandidates);
  result.candidates = offered;
  if (result.reason === 'no_candidate' && offered.length > 0) result.reason = 'low_score';
}

// ---- Helpers --------------------------------------------------------------------------------------------------

function withoutHyphens(text: string): string {
  return text.includes('-') ? text.replace(/-/g, '') : text;
}

function unmatchedResult(rowId: string, reason: UnmatchedReason, candidates: MatchCandidate[], score: number | null): MatchResult {
  return { rowId, status: 'unmatched', companyId: null, score, reason, candidates };
}

function round(score: number): number {
  return Math.round(Math.min(1, score) * 1000) / 1000;
}
