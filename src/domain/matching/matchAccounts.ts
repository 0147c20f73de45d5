import { EvidenceTally } from './evidenceTally';
import { checkHash, hashKey, hashKeyRange, hashPair } from './hashString';
import { affixLength, affixMinLength, findKeyRunInto, keyPrefix, type MasterIndex } from './masterIndex';
import { normalizeCountry } from './normalizeCountry';
import { domainLabel, normalizeDomain } from './normalizeDomain';
import { normalizeName, type NormalizedName } from './normalizeName';
import { boundedEditDistance } from './similarity';
import { compactSimilarity, containmentSimilarity, tokenWeight, weightedNameSimilarity } from './scoreCandidate';
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
/** A brand this short ("BI") is too little of a longer name to stand for it. */
const minContainedLength = 4;
/** A domain shared by more master companies than this identifies none of them. */
const maxCompaniesPerDomain = 3;

interface PreparedAccount {
  name: NormalizedName | null;
  /** Weight and block of each name token. */
  tokenInfos: TokenInfo[];
  /** tokenWeight of each name token. */
  weights: number[];
  domain: string | null;
  /** checkHash(domain) || 1, -1 without a domain (what index.domainChecks holds for a company with that domain). */
  domainCheck: number;
  /** The domain's label without hyphens ("acme-labs.co.uk" → "acmelabs"), '' without a domain. */
  domainCompact: string;
  isDomainExcluded: boolean;
  countryIndex: number;
  /** Country given but unknown to the master: counts as a known country that agrees with no company. */
  hasCountry: boolean;
}

interface TokenInfo {
  weight: number;
  /** [start, end) of the word's block in the index's key arrays. */
  start: number;
  end: number;
}

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

export function createAccountMatcher(index: MasterIndex, options: MatchOptions): AccountMatcher {
  const threshold = options.matchThreshold ?? defaultMatchThreshold;
  const countryIndexes = new Map(index.countryCodes.map((code, position) => [code, position]));
  // Per name word: its weight and its block (a row's rarest words are looked up once, for both).
  const tokenCache = new Map<string, TokenInfo>();
  const run = new Int32Array(2);

  function tokenInfo(token: string): TokenInfo {
    let info = tokenCache.get(token);
    if (info === undefined) {
      findKeyRunInto(index, hashKey(keyPrefix.token, token), run);
      const start = run[0] ?? 0;
      const end = run[1] ?? 0;
      info = { weight: tokenWeight(end - start, index.size), start, end };
      if (tokenCache.size > 200_000) tokenCache.clear();
      tokenCache.set(token, info);
    }
    return info;
  }

  // A list spells countries a few dozen ways: each spelling is normalised once.
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

  function prepare(record: AccountInput): PreparedAccount {
    const rawDomain = normalizeDomain(record.domain);
    const isDomainExcluded = rawDomain !== null && options.excludedDomains.has(rawDomain);
    const country = countryOf(record.country);
    const domain = isDomainExcluded ? null : rawDomain;
    const name = isDomainExcluded ? null : normalizeName(record.name);
    const tokenInfos = name ? name.tokens.map(tokenInfo) : [];
    return {
      name,
      tokenInfos,
      weights: tokenInfos.map((info) => info.weight),
      domain,
      domainCheck: domain ? checkHash(domain) || 1 : -1,
      domainCompact: domain ? withoutHyphens(domainLabel(domain)) : '',
      isDomainExcluded,
      countryIndex: country ? (countryIndexes.get(country) ?? -1) : 0,
      hasCountry: country !== null,
    };
  }

  const tally = new EvidenceTally();
  const maxInCountry = smallBlockSize * 2;
  const inCountryScratch = new Uint32Array(maxInCountry);
  function add(into: EvidenceTally, company: number, evidence: number): void {
    into.add(company, evidence);
  }

  /** Adds the companies under a small blocking key (large ones say little and cost much: skipped). */
  function collectSmall(into: EvidenceTally, hash: number, evidence: number): void {
    findKeyRunInto(index, hash, run);
    const start = run[0] ?? 0;
    const end = run[1] ?? 0;
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
    const keyCompanies = index.keyCompanies;
    const countries = index.countries;
    let inCountry = 0;
    // One pass into a scratch list: still large within the country, the key does not single out a company, and
    // reading it would cost more than it finds.
    for (let position = start; position < end; position++) {
      const company = keyCompanies[position] ?? 0;
      if (countries[company] !== country) continue;
      if (inCountry === maxInCountry) return;
      inCountryScratch[inCountry++] = company;
    }
    for (let position = 0; position < inCountry; position++) add(into, inCountryScratch[position] ?? 0, evidence);
  }

  /**
   * Companies sharing the rarest name words: the two rarest tokens when their blocks are small; when they are
   * common ("Bennett Logistics"), the adjacent word pairs instead; a still large block is narrowed to the country.
   */
  function collectByTokens(account: PreparedAccount, name: NormalizedName, into: EvidenceTally): void {
    // The two rarest distinct words (stable: of equal weights, the first in the name).
    const tokens = name.tokens;
    const weights = account.weights;
    let rarest = -1;
    let secondRarest = -1;
    for (let position = 0; position < tokens.length; position++) {
      if (tokens.indexOf(tokens[position] ?? '') !== position) continue;
      const weight = weights[position] ?? 0;
      if (rarest < 0 || weight > (weights[rarest] ?? 0)) {
        secondRarest = rarest;
        rarest = position;
      } else if (secondRarest < 0 || weight > (weights[secondRarest] ?? 0)) {
        secondRarest = position;
      }
    }
    let hasCommonToken = false;
    const infos = account.tokenInfos;
    for (const position of [rarest, secondRarest]) {
      const info = infos[position];
      if (!info) continue;
      if (info.end - info.start <= smallBlockSize) collectBlock(account, into, info.start, info.end, info.weight);
      else hasCommonToken = true;
    }
    if (!hasCommonToken) return;
    if (tokens.length === 1) {
      const info = infos[rarest];
      if (info) collectBlock(account, into, info.start, info.end, info.weight);
      return;
    }
    for (let position = 1; position < tokens.length; position++) {
      findKeyRunInto(index, hashPair(tokens[position - 1] ?? '', tokens[position] ?? ''), run);
      collectBlock(account, into, run[0] ?? 0, run[1] ?? 0, (weights[position - 1] ?? 0) + (weights[position] ?? 0));
    }
  }

  function gatherCandidates(account: PreparedAccount): { candidates: number[]; domainCompanies: number } {
    const evidenceByCompany = tally;
    evidenceByCompany.reset();
    let domainCompanies = 0;
    if (account.domain) {
      findKeyRunInto(index, hashKey(keyPrefix.domain, account.domain), run);
      const start = run[0] ?? 0;
      const end = run[1] ?? 0;
      const check = account.domainCheck;
      for (let position = start; position < end && position < start + maxBlockSize; position++) {
        const company = index.keyCompanies[position] ?? 0;
        if (index.domainChecks[company] !== check) continue;
        add(evidenceByCompany, company, 100);
        domainCompanies++;
      }
      const label = account.domainCompact;
      if (label.length >= 3) collectSmall(evidenceByCompany, hashKey(keyPrefix.compact, label), 40);
    }
    const name = account.name;
    if (name) {
      const compact = name.compact;
      collectSmall(evidenceByCompany, hashKey(keyPrefix.compact, compact), 50);
      collectByTokens(account, name, evidenceByCompany);
      // A typo in every rare word: the first or last letters of the whole name still meet.
      if (compact.length >= affixMinLength) {
        collectSmall(evidenceByCompany, hashKeyRange(keyPrefix.head, compact, 0, affixLength), 3);
        collectSmall(evidenceByCompany, hashKeyRange(keyPrefix.tail, compact, compact.length - affixLength, compact.length), 3);
      }
    }
    // Only the best-supported candidates are scored in full: scoring decodes names and compares words.
    return { candidates: evidenceByCompany.best(maxScoredCandidates, minScoredCandidates, minEvidenceShare), domainCompanies };
  }

  // The index keeps each company's words as ids into a vocabulary of decoded words with their weights: nothing to
  // decode, split or look up per candidate.
  const { nameWordStarts, nameWords, wordTexts, wordWeights } = index;
  function candidateName(company: number): CandidateName {
    const start = nameWordStarts[company] ?? 0;
    const end = nameWordStarts[company + 1] ?? start;
    const tokens: string[] = [];
    const weights: number[] = [];
    let keyLength = end - start - 1;
    for (let position = start; position < end; position++) {
      const word = nameWords[position] ?? 0;
      const text = wordTexts[word] ?? '';
      keyLength += text.length;
      tokens.push(text);
      weights.push(wordWeights[word] ?? 0);
    }
    return { tokens, weights, keyLength: Math.max(0, keyLength) };
  }

  function scoreOne(account: PreparedAccount, inputWeights: number[], company: number, isDomainMatch: boolean, domainCompanies: number): number {
    const candidate = candidateName(company);
    let score: number;
    const name = account.name;
    if (name && candidate.tokens.length > 0) {
      let similarity = weightedNameSimilarity(name.tokens, inputWeights, candidate.tokens, candidate.weights);
      if (!name.hasLegalForm && name.compact.length >= minContainedLength) similarity = Math.max(similarity, containmentSimilarity(name.tokens, inputWeights, candidate.tokens, candidate.weights));
      // The name without spaces is built only when it can count: compactSimilarity is 0 for lengths more than 2
      // apart, and the domain label must be equal.
      const compactLength = candidate.keyLength - (candidate.tokens.length - 1);
      const isDomainLabelComparable = !isDomainMatch && account.domain !== null && account.domainCompact.length === compactLength;
      if (Math.abs(name.compact.length - compactLength) <= 2 || isDomainLabelComparable) {
        const candidateCompact = candidate.tokens.join('');
        // Written without spaces, names whose words line up add nothing the word comparison did not weigh, and
        // two edits in one short word ("Deutsche Bahn" / "Deutsche Bank") are another word, not typos.
        if (!isOtherShortWord(name.tokens, candidate.tokens)) similarity = Math.max(similarity, compactSimilarity(name.compact, candidateCompact));
        // The account's website is the company's name ("plumdistrict.com" for "Plum District").
        if (isDomainLabelComparable && account.domainCompact === candidateCompact) similarity = Math.max(similarity, 0.9);
      }
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

  function byScore(a: ScoredCandidate, b: ScoredCandidate): number {
    const completeness = index.completeness;
    return b.score - a.score || (completeness[b.company] ?? 0) - (completeness[a.company] ?? 0) || a.company - b.company;
  }

  function resolve(record: AccountInput, claimed: Set<number>): MatchResult {
    const account = prepare(record);
    // A personal e-mail or placeholder domain says the record is not a company record (product rule: such rows are
    // "Unmatched Accounts" because "the provided domain is on the exclusion list").
    if (account.isDomainExcluded) return unmatchedResult(record.rowId, 'excluded_domain', [], null);
    if (!account.name && !account.domain) return unmatchedResult(record.rowId, 'missing_data', [], null);
    const { candidates, domainCompanies } = gatherCandidates(account);
    if (candidates.length === 0) return unmatchedResult(record.rowId, 'no_candidate', [], null);
    const inputWeights = account.weights;
    const domainCheck = account.domainCheck;
    const scored: ScoredCandidate[] = [];
    for (const company of candidates) {
      const isDomainMatch = index.domainChecks[company] === domainCheck;
      scored.push({ company, score: scoreOne(account, inputWeights, company, isDomainMatch, domainCompanies) });
    }
    scored.sort(byScore);
    const top: MatchCandidate[] = [];
    for (let position = 0; position < 3 && position < scored.length; position++) {
      const candidate = scored[position] as ScoredCandidate;
      top.push({ companyId: index.companyIds.get(candidate.company), score: round(candidate.score) });
    }
    const best = scored[0];
    if (!best || best.score < threshold) {
      return unmatchedResult(record.rowId, 'low_score', top, best ? round(best.score) : null);
    }
    const runnerUp = scored[1];
    // Identical names at equal scores are duplicate master records: the more complete one is the company of record.
    if (runnerUp && runnerUp.score >= best.score - ambiguityMargin && !isDuplicateRecord(runnerUp.company, best.company)) {
      return unmatchedResult(record.rowId, 'ambiguous', top, round(best.score));
    }
    const companyId = index.companyIds.get(best.company);
    const isDuplicate = claimed.has(best.company);
    claimed.add(best.company);
    return { rowId: record.rowId, status: isDuplicate ? 'duplicate' : 'matched', companyId, score: round(best.score), reason: null, candidates: top };
  }

  function isDuplicateRecord(runnerUp: number, best: number): boolean {
    return (index.completeness[runnerUp] ?? 0) < (index.completeness[best] ?? 0) && hasSameName(runnerUp, best);
  }

  /** Equal normalised names: the same word ids in the same order. */
  function hasSameName(a: number, b: number): boolean {
    const startA = nameWordStarts[a] ?? 0;
    const startB = nameWordStarts[b] ?? 0;
    const length = (nameWordStarts[a + 1] ?? startA) - startA;
    if ((nameWordStarts[b + 1] ?? startB) - startB !== length) return false;
    for (let offset = 0; offset < length; offset++) if (nameWords[startA + offset] !== nameWords[startB + offset]) return false;
    return true;
  }

  return { resolve };
}

/**
 * Names whose words line up (same count, same lengths) and differ by two or more edits in one short word: "Deutsche
 * Bahn" / "Deutsche Bank" name another word, not a typo ("Kodiak Oip & Gas", one edit, is a typo).
 */
function isOtherShortWord(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length || a.length < 2) return false;
  let hasOtherWord = false;
  for (let position = 0; position < a.length; position++) {
    const wordA = a[position] ?? '';
    const wordB = b[position] ?? '';
    if (wordA.length !== wordB.length) return false;
    if (wordA !== wordB && wordA.length < 6 && boundedEditDistance(wordA, wordB, 1) > 1) hasOtherWord = true;
  }
  return hasOtherWord;
}

function withoutHyphens(text: string): string {
  return text.includes('-') ? text.replace(/-/g, '') : text;
}

function unmatchedResult(rowId: string, reason: UnmatchedReason, candidates: MatchCandidate[], score: number | null): MatchResult {
  return { rowId, status: 'unmatched', companyId: null, score, reason, candidates };
}

function round(score: number): number {
  return Math.round(Math.min(1, score) * 1000) / 1000;
}
