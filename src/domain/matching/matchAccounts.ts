import { checkHash, hashKey } from './hashString';
import { affixLength, affixMinLength, findKeyRun, keyPrefix, type MasterIndex } from './masterIndex';
import { normalizeCountry } from './normalizeCountry';
import { domainLabel, normalizeDomain } from './normalizeDomain';
import { normalizeName, type NormalizedName } from './normalizeName';
import { compactSimilarity, tokenWeight, weightedNameSimilarity } from './scoreCandidate';
import type { AccountInput, MatchCandidate, MatchResult, UnmatchedReason } from './types';

export interface MatchOptions {
  /** Registrable domains that never identify a company: buildExclusionSet(orgAdditions). */
  excludedDomains: ReadonlySet<string>;
  /** Lowest score that counts as a match (default 0.85). */
  matchThreshold?: number;
}

export const defaultMatchThreshold = 0.85;
/** A runner-up this close to the best candidate makes the row ambiguous. */
const ambiguityMargin = 0.04;
/** Blocks up to this size are read whole; larger ones are intersected or narrowed to the row's country. */
const smallBlockSize = 200;
/** Blocks longer than this are not read at all: such a key cannot single out a company. */
const maxBlockSize = 2_000;
/** Candidates scored in full per row, the best supported by blocking evidence. */
const maxScoredCandidates = 12;
/** At least this many are scored; beyond them, only candidates with this share of the best one's evidence. */
const minScoredCandidates = 4;
const minEvidenceShare = 0.5;
/** A domain shared by more master companies than this identifies none of them. */
const maxCompaniesPerDomain = 3;

interface PreparedAccount {
  name: NormalizedName | null;
  domain: string | null;
  isDomainExcluded: boolean;
  countryIndex: number;
  /** Country given but unknown to the master: counts as a known country that agrees with no company. */
  hasCountry: boolean;
}

/**
 * Blocking evidence per candidate for one row, in flat arrays sized to the master (8 bytes per company per
 * matcher): a generation stamp instead of clearing, so adding is two array writes, not a hash-map update.
 */
class EvidenceTally {
  private readonly stamps: Uint32Array;
  private readonly evidence: Float32Array;
  private generation = 0;
  readonly touched: number[] = [];

  constructor(size: number) {
    this.stamps = new Uint32Array(size);
    this.evidence = new Float32Array(size);
  }

  reset(): void {
    this.generation++;
    this.touched.length = 0;
  }

  add(company: number, amount: number): void {
    if (this.stamps[company] !== this.generation) {
      this.stamps[company] = this.generation;
      this.evidence[company] = amount;
      this.touched.push(company);
    } else {
      this.evidence[company] = (this.evidence[company] ?? 0) + amount;
    }
  }

  get size(): number {
    return this.touched.length;
  }

  /**
   * Up to `count` companies with the most evidence (ties: lower index first), leaving out those with less than
   * `minShare` of the best one's evidence once `keep` are chosen: weakly supported candidates rarely win.
   */
  best(count: number, keep: number, minShare: number): number[] {
    const evidence = this.evidence;
    const ranked = this.touched.length <= 1 ? this.touched.slice() : this.touched.slice().sort((a, b) => (evidence[b] ?? 0) - (evidence[a] ?? 0) || a - b);
    const top = evidence[ranked[0] ?? 0] ?? 0;
    let length = Math.min(count, ranked.length);
    for (let position = keep; position < length; position++) {
      if ((evidence[ranked[position] ?? 0] ?? 0) < top * minShare) {
        length = position;
        break;
      }
    }
    ranked.length = length;
    return ranked;
  }
}

interface CandidateName {
  tokens: string[];
  weights: number[];
  compact: string;
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

export function createAccountMatcher(index: MasterIndex, options: MatchOptions): AccountMatcher {
  const threshold = options.matchThreshold ?? defaultMatchThreshold;
  const countryIndexes = new Map(index.countryCodes.map((code, position) => [code, position]));
  const weightCache = new Map<string, number>();

  function weightOf(token: string): number {
    let weight = weightCache.get(token);
    if (weight === undefined) {
      const [start, end] = findKeyRun(index, hashKey(keyPrefix.token, token));
      weight = tokenWeight(end - start, index.size);
      if (weightCache.size > 200_000) weightCache.clear();
      weightCache.set(token, weight);
    }
    return weight;
  }

  function prepare(record: AccountInput): PreparedAccount {
    const rawDomain = normalizeDomain(record.domain);
    const isDomainExcluded = rawDomain !== null && options.excludedDomains.has(rawDomain);
    const country = normalizeCountry(record.country);
    return {
      name: normalizeName(record.name),
      domain: isDomainExcluded ? null : rawDomain,
      isDomainExcluded,
      countryIndex: country ? (countryIndexes.get(country) ?? -1) : 0,
      hasCountry: country !== null,
    };
  }

  const tally = new EvidenceTally(index.size);
  function add(into: EvidenceTally, company: number, evidence: number): void {
    into.add(company, evidence);
  }

  /** Adds the companies under a small blocking key (large ones say little and cost much: skipped). */
  function collectSmall(account: PreparedAccount, into: EvidenceTally, prefix: string, text: string, evidence: number): void {
    const [start, end] = findKeyRun(index, hashKey(prefix, text));
    if (end - start > smallBlockSize) return;
    for (let position = start; position < end; position++) add(into, index.keyCompanies[position] ?? 0, evidence);
  }

  /** Adds every company of a block, or only those in the row's country when the block is large. */
  function collectBlock(account: PreparedAccount, into: EvidenceTally, start: number, end: number, evidence: number): void {
    const size = end - start;
    if (size <= smallBlockSize) {
      for (let position = start; position < end; position++) add(into, index.keyCompanies[position] ?? 0, evidence);
      return;
    }
    if (size > maxBlockSize || account.countryIndex <= 0) return;
    const country = account.countryIndex;
    let inCountry = 0;
    for (let position = start; position < end; position++) if (index.countries[index.keyCompanies[position] ?? 0] === country) inCountry++;
    // Still large within the country: the key does not single out a company, and reading it would cost more than it finds.
    if (inCountry > smallBlockSize * 2) return;
    for (let position = start; position < end; position++) {
      const company = index.keyCompanies[position] ?? 0;
      if (index.countries[company] === country) add(into, company, evidence);
    }
  }

  /**
   * Companies sharing the rarest name words: the two rarest tokens when their blocks are small; when they are
   * common ("Bennett Logistics"), the adjacent word pairs instead; a still large block is narrowed to the country.
   */
  function collectByTokens(account: PreparedAccount, name: NormalizedName, into: EvidenceTally): void {
    const byRarity = [...new Set(name.tokens)].map((token) => ({ token, weight: weightOf(token) })).sort((a, b) => b.weight - a.weight);
    let hasCommonToken = false;
    for (const { token, weight } of byRarity.slice(0, 2)) {
      const [start, end] = findKeyRun(index, hashKey(keyPrefix.token, token));
      if (end - start <= smallBlockSize) collectBlock(account, into, start, end, weight);
      else hasCommonToken = true;
    }
    if (!hasCommonToken) return;
    if (name.tokens.length === 1) {
      const only = byRarity[0];
      if (only) {
        const [start, end] = findKeyRun(index, hashKey(keyPrefix.token, only.token));
        collectBlock(account, into, start, end, only.weight);
      }
      return;
    }
    for (let position = 1; position < name.tokens.length; position++) {
      const left = name.tokens[position - 1] ?? '';
      const right = name.tokens[position] ?? '';
      const [start, end] = findKeyRun(index, hashKey(keyPrefix.pair, `${left} ${right}`));
      collectBlock(account, into, start, end, weightOf(left) + weightOf(right));
    }
  }

  function gatherCandidates(account: PreparedAccount): { candidates: number[]; domainCompanies: number } {
    const evidenceByCompany = tally;
    evidenceByCompany.reset();
    let domainCompanies = 0;
    if (account.domain) {
      const [start, end] = findKeyRun(index, hashKey(keyPrefix.domain, account.domain));
      const check = checkHash(account.domain) || 1;
      for (let position = start; position < end && position < start + maxBlockSize; position++) {
        const company = index.keyCompanies[position] ?? 0;
        if (index.domainChecks[company] !== check) continue;
        add(evidenceByCompany, company, 100);
        domainCompanies++;
      }
      const label = domainLabel(account.domain).replace(/-/g, '');
      if (label.length >= 3) collectSmall(account, evidenceByCompany, keyPrefix.compact, label, 40);
    }
    const name = account.name;
    if (name) {
      collectSmall(account, evidenceByCompany, keyPrefix.compact, name.compact, 50);
      collectByTokens(account, name, evidenceByCompany);
      // A typo in every rare word: the first or last letters of the whole name still meet.
      if (name.compact.length >= affixMinLength) {
        collectSmall(account, evidenceByCompany, keyPrefix.head, name.compact.slice(0, affixLength), 3);
        collectSmall(account, evidenceByCompany, keyPrefix.tail, name.compact.slice(-affixLength), 3);
      }
    }
    // Only the best-supported candidates are scored in full: scoring decodes names and compares words.
    return { candidates: evidenceByCompany.best(maxScoredCandidates, minScoredCandidates, minEvidenceShare), domainCompanies };
  }

  // Candidates recur across the rows of a list: their decoded words and weights are kept (bounded).
  const candidateNames = new Map<number, CandidateName>();
  function candidateName(company: number): CandidateName {
    let cached = candidateNames.get(company);
    if (!cached) {
      const key = index.names.get(company);
      const tokens = key.length > 0 ? key.split(' ') : [];
      cached = { tokens, weights: tokens.map(weightOf), compact: tokens.join('') };
      if (candidateNames.size > 100_000) candidateNames.clear();
      candidateNames.set(company, cached);
    }
    return cached;
  }

  function scoreOne(account: PreparedAccount, inputWeights: number[], company: number, isDomainMatch: boolean, domainCompanies: number): number {
    const candidate = candidateName(company);
    let score: number;
    const name = account.name;
    if (name && candidate.tokens.length > 0) {
      const candidateCompact = candidate.compact;
      let similarity = weightedNameSimilarity(name.tokens, inputWeights, candidate.tokens, candidate.weights);
      similarity = Math.max(similarity, compactSimilarity(name.compact, candidateCompact));
      // The account's website is the company's name ("plumdistrict.com" for "Plum District").
      if (!isDomainMatch && account.domain && domainLabel(account.domain).replace(/-/g, '') === candidateCompact) similarity = Math.max(similarity, 0.9);
      if (isDomainMatch) {
        // Scores above 1 are kept for ranking (a domain match beats the same name without it) and capped when reported.
        const isDomainIdentifying = domainCompanies <= maxCompaniesPerDomain;
        score = isDomainIdentifying ? 0.72 + 0.38 * similarity : similarity;
      } else {
        score = similarity;
        if (account.domain && index.domainChecks[company] !== 0) score -= 0.04;
      }
    } else if (isDomainMatch) {
      score = domainCompanies === 1 ? 0.92 : 0.5;
    } else {
      score = 0;
    }
    const candidateCountry = index.countries[company] ?? 0;
    if (account.hasCountry && candidateCountry !== 0) score += candidateCountry === account.countryIndex ? 0.04 : -0.15;
    return Math.max(0, score);
  }

  function resolve(record: AccountInput, claimed: Set<number>): MatchResult {
    const account = prepare(record);
    const unmatched = (reason: UnmatchedReason, candidates: MatchCandidate[] = [], score: number | null = null): MatchResult => ({
      rowId: record.rowId,
      status: 'unmatched',
      companyId: null,
      score,
      reason,
      candidates,
    });
    // A personal e-mail or placeholder domain says the record is not a company record (product rule: such rows are
    // "Unmatched Accounts" because "the provided domain is on the exclusion list").
    if (account.isDomainExcluded) return unmatched('excluded_domain');
    if (!account.name && !account.domain) return unmatched('missing_data');
    const { candidates, domainCompanies } = gatherCandidates(account);
    if (candidates.length === 0) return unmatched('no_candidate');
    const inputWeights = account.name ? account.name.tokens.map(weightOf) : [];
    const domainCheck = account.domain ? checkHash(account.domain) || 1 : -1;
    const scored: ScoredCandidate[] = [];
    for (const company of candidates) {
      const isDomainMatch = index.domainChecks[company] === domainCheck;
      scored.push({ company, score: scoreOne(account, inputWeights, company, isDomainMatch, domainCompanies) });
    }
    const completenessOf = (company: number): number => index.completeness[company] ?? 0;
    scored.sort((a, b) => b.score - a.score || completenessOf(b.company) - completenessOf(a.company) || a.company - b.company);
    const top = scored.slice(0, 3).map(({ company, score }) => ({ companyId: index.companyIds.get(company), score: round(score) }));
    const best = scored[0];
    if (!best || best.score < threshold) {
      return unmatched('low_score', top, best ? round(best.score) : null);
    }
    const runnerUp = scored[1];
    // Identical names at equal scores are duplicate master records: the more complete one is the company of record.
    const isDuplicateRecord = (runnerUp: ScoredCandidate): boolean =>
      completenessOf(runnerUp.company) < completenessOf(best.company) && index.names.get(runnerUp.company) === index.names.get(best.company);
    if (runnerUp && runnerUp.score >= best.score - ambiguityMargin && !isDuplicateRecord(runnerUp)) {
      return unmatched('ambiguous', top, round(best.score));
    }
    const companyId = index.companyIds.get(best.company);
    const isDuplicate = claimed.has(best.company);
    claimed.add(best.company);
    return { rowId: record.rowId, status: isDuplicate ? 'duplicate' : 'matched', companyId, score: round(best.score), reason: null, candidates: top };
  }

  return { resolve };
}

function round(score: number): number {
  return Math.round(Math.min(1, score) * 1000) / 1000;
}
