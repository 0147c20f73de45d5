// The blocking stage of the matcher: which master companies are worth scoring for a row, found through the index's
// keys (domain, name words, word pairs, the name without spaces, its first and last letters).
import { EvidenceTally } from './evidenceTally';
import { hashKey, hashKeyRange, hashPair } from './hashString';
import { affixLength, affixMinLength, keyPrefix, type MasterIndex } from './masterIndex';
import { findKeyRunInto } from './masterIndexKeys';
import { countryOfRow, domainCheckOfRow } from './masterIndexRows';
import type { NormalizedName } from './normalizeName';
import { tokenWeight } from './scoreCandidate';
import { wordVariantsOf, type WordVariants } from './wordVariants';

/** A row as the stages read it: normalised once. */
export interface PreparedAccount {
  name: NormalizedName | null;
  /** Weight and block of each name token. */
  tokenInfos: TokenInfo[];
  /** tokenWeight of each name token. */
  weights: number[];
  /** The registrable domain when it may identify a company (null when absent or on the exclusion list). */
  domain: string | null;
  /** checkHash(domain) || 1, -1 without a domain (what a company's row holds for that domain: domainCheckOfRow). */
  domainCheck: number;
  /** The domain's label without hyphens ("acme-labs.co.uk" → "acmelabs"), '' without a domain. */
  domainCompact: string;
  isDomainExcluded: boolean;
  /**
   * For a domain on the exclusion list: its check, so that the company whose own domain it is (github.com for
   * GitHub) is still recognised when the name agrees; -1 otherwise.
   */
  excludedDomainCheck: number;
  countryIndex: number;
  /** Country given but unknown to the master: counts as a known country that agrees with no company. */
  hasCountry: boolean;
}

export interface TokenInfo {
  weight: number;
  /** [start, end) of the word's block in the index's key arrays. */
  start: number;
  end: number;
}

export interface Blocking {
  /** The best-supported companies, most evidence first. */
  candidates: number[];
  /** How many companies have the row's domain (a domain many share identifies none of them). */
  domainCompanies: number;
  /** Companies that list the row's domain among their other domains (companies.other_domains). */
  otherDomainCompanies: readonly number[];
  /** Companies whose initials the row's one-word name is ("BMW"), when they are few; with how many share them. */
  initialsCompanies: readonly number[];
  initialsBlockSize: number;
}

/** Blocks up to this size are read whole; larger ones are intersected or narrowed to the row's country. */
const smallBlockSize = 200;
/** Blocks longer than this are not read at all: such a key cannot single out a company. */
const maxBlockSize = 2_000;
/** Candidates scored in full per row, the best supported by blocking evidence. */
const maxScoredCandidates = 12;
/** At least this many are scored; beyond them, only candidates with this share of the best one's evidence. */
const minScoredCandidates = 4;
const minEvidenceShare = 0.5;
/** Spellings one edit away tried for a word the master does not know, and the companies they may add. */
const maxVariantsPerWord = 2;
const maxVariantCandidates = 6;
/** Initials shared by more companies than this stand for none of them. */
const maxInitialsBlock = 3;
const noInitials = { companies: [] as number[], blockSize: 0 };
/** Evidence of the keys (a domain outweighs everything a name can say). */
const evidence = { domain: 100, domainLabel: 40, compact: 50, affix: 3 } as const;

/**
 * Finds a row's candidates in one index. Holds the per-word cache and the scratch tables, so one Blocker serves
 * the rows of a list one after the other (not concurrently).
 */
export class Blocker {
  private readonly tokenCache: Map<string, TokenInfo>;
  private readonly run = new Int32Array(2);
  /** Positions of the row's two rarest words (twoRarest). */
  private readonly rarest = new Int32Array(2);
  private readonly tally = new EvidenceTally();
  private readonly inCountryScratch = new Uint32Array(smallBlockSize * 2);
  private readonly variants: WordVariants;

  constructor(private readonly index: MasterIndex) {
    this.variants = wordVariantsOf(index);
    this.tokenCache = tokenCacheOf(index);
  }

  /** A name word's weight and block (a row's rarest words are looked up once, for both). */
  tokenInfo(token: string): TokenInfo {
    let info = this.tokenCache.get(token);
    if (info === undefined) {
      findKeyRunInto(this.index, hashKey(keyPrefix.token, token), this.run);
      const start = this.run[0] ?? 0;
      const end = this.run[1] ?? 0;
      info = { weight: tokenWeight(end - start, this.index.size), start, end };
      if (this.tokenCache.size > maxCachedTokens) this.tokenCache.clear();
      this.tokenCache.set(token, info);
    }
    return info;
  }

  /** The companies sharing the row's domain or name keys, tallied by evidence; only the best-supported are kept. */
  gather(account: PreparedAccount): Blocking {
    const tally = this.tally;
    tally.reset();
    const otherDomainCompanies: number[] = [];
    const domainCompanies = account.domain ? this.collectDomain(account, tally, otherDomainCompanies) : 0;
    const name = account.name;
    if (name) {
      const compact = name.compact;
      this.collectSmall(tally, hashKey(keyPrefix.compact, compact), evidence.compact);
      this.collectByTokens(account, name, tally);
      // A typo in every rare word ("Barnes Advisers" / "Barnes Advisors" when "Barnes" is common): the first or last
      // letters of the whole name still meet; a large block of them is narrowed to the row's country.
      if (compact.length >= affixMinLength) {
        this.collectSmall(tally, hashKeyRange(keyPrefix.head, compact, 0, affixLength), evidence.affix);
        this.collectSmall(tally, hashKeyRange(keyPrefix.tail, compact, compact.length - affixLength, compact.length), evidence.affix);
      }
    }
    // Only the best-supported candidates are scored in full: scoring decodes names and compares words.
    const initials = name ? this.collectInitials(account, name, tally) : noInitials;
    return { candidates: tally.best(maxScoredCandidates, minScoredCandidates, minEvidenceShare), domainCompanies, otherDomainCompanies, initialsCompanies: initials.companies, initialsBlockSize: initials.blockSize };
  }

  /**
   * A one-word brand of 3-5 letters written as a company's initials ("BMW" for Bayerische Motoren Werke, "NTT" for
   * Nippon Telegraph and Telephone): the companies with those initials, when at most a few share them.
   */
  private collectInitials(account: PreparedAccount, name: NormalizedName, tally: EvidenceTally): { companies: number[]; blockSize: number } {
    const word = name.tokens.length === 1 ? (name.tokens[0] ?? '') : '';
    if (name.hasLegalForm || word.length < 3 || word.length > 5 || !/^[a-z]+$/.test(word)) return noInitials;
    findKeyRunInto(this.index, hashKey(keyPrefix.initials, word), this.run);
    const start = this.run[0] ?? 0;
    const end = this.run[1] ?? 0;
    if (end === start || end - start > maxInitialsBlock) return noInitials;
    const companies: number[] = [];
    for (let position = start; position < end; position++) {
      const company = this.index.keyCompanies[position] ?? 0;
      companies.push(company);
      tally.add(company, evidence.compact);
    }
    return { companies, blockSize: end - start };
  }

  /**
   * Companies spelled one edit away from a word no company has ("Barnes Advisers" → "Barnes Advisors"), next to the
   * row's neighbouring word (the pair singles the company out when the other word is common), leaving out
   * `known`. They are offered as candidates, never matched: a one-edit link alone is too often another company
   * ("Olliance Group" / "Alliance Group").
   */
  spellingVariants(account: PreparedAccount, known: readonly number[]): number[] {
    const name = account.name;
    // Without a neighbouring word there is no pair to look up.
    if (!name || name.tokens.length < 2) return [];
    const tokens = name.tokens;
    const found: number[] = [];
    for (let position = 0; position < tokens.length; position++) {
      const info = account.tokenInfos[position];
      if (!info || info.end > info.start) continue;
      for (const id of this.variants.find(tokens[position] ?? '', maxVariantsPerWord)) {
        const variant = this.index.wordTexts[id] ?? '';
        for (const neighbour of [position - 1, position + 1]) {
          const other = tokens[neighbour];
          if (other === undefined) continue;
          findKeyRunInto(this.index, neighbour < position ? hashPair(other, variant) : hashPair(variant, other), this.run);
          const start = this.run[0] ?? 0;
          const end = Math.min(this.run[1] ?? 0, start + smallBlockSize);
          for (let key = start; key < end && found.length < maxVariantCandidates; key++) {
            const company = this.index.keyCompanies[key] ?? 0;
            if (!known.includes(company) && !found.includes(company)) found.push(company);
          }
        }
      }
    }
    return found;
  }

  /**
   * The companies with the row's domain (confirmed by a second hash), those listing it among their other domains,
   * and those whose name is its label.
   */
  private collectDomain(account: PreparedAccount, tally: EvidenceTally, otherDomainCompanies: number[]): number {
    const index = this.index;
    findKeyRunInto(index, hashKey(keyPrefix.domain, account.domain ?? ''), this.run);
    const start = this.run[0] ?? 0;
    const end = this.run[1] ?? 0;
    let domainCompanies = 0;
    for (let position = start; position < end && position < start + maxBlockSize; position++) {
      const company = index.keyCompanies[position] ?? 0;
      if (domainCheckOfRow(index.rows, company) !== account.domainCheck) continue;
      tally.add(company, evidence.domain);
      domainCompanies++;
    }
    findKeyRunInto(index, hashKey(keyPrefix.otherDomain, account.domain ?? ''), this.run);
    for (let position = this.run[0] ?? 0; position < (this.run[1] ?? 0) && otherDomainCompanies.length < maxBlockSize; position++) {
      const company = index.keyCompanies[position] ?? 0;
      if (otherDomainCompanies.includes(company)) continue;
      otherDomainCompanies.push(company);
      tally.add(company, evidence.domain);
      domainCompanies++;
    }
    const label = account.domainCompact;
    if (label.length >= 3) this.collectSmall(tally, hashKey(keyPrefix.compact, label), evidence.domainLabel);
    return domainCompanies;
  }

  /** Adds the companies under a small blocking key (large ones say little and cost much: skipped). */
  private collectSmall(tally: EvidenceTally, hash: number, amount: number): void {
    findKeyRunInto(this.index, hash, this.run);
    const start = this.run[0] ?? 0;
    const end = this.run[1] ?? 0;
    if (end - start > smallBlockSize) return;
    for (let position = start; position < end; position++) tally.add(this.index.keyCompanies[position] ?? 0, amount);
  }

  private collectKey(account: PreparedAccount, tally: EvidenceTally, hash: number, amount: number): void {
    findKeyRunInto(this.index, hash, this.run);
    this.collectBlock(account, tally, this.run[0] ?? 0, this.run[1] ?? 0, amount);
  }

  /** Adds every company of a block, or only those in the row's country when the block is large. */
  private collectBlock(account: PreparedAccount, tally: EvidenceTally, start: number, end: number, amount: number): void {
    const { keyCompanies, rows } = this.index;
    const size = end - start;
    if (size <= smallBlockSize) {
      for (let position = start; position < end; position++) tally.add(keyCompanies[position] ?? 0, amount);
      return;
    }
    if (size > maxBlockSize || account.countryIndex <= 0) return;
    const country = account.countryIndex;
    const scratch = this.inCountryScratch;
    let inCountry = 0;
    // One pass into a scratch list: still large within the country, the key does not single out a company, and
    // reading it would cost more than it finds.
    for (let position = start; position < end; position++) {
      const company = keyCompanies[position] ?? 0;
      if (countryOfRow(rows, company) !== country) continue;
      if (inCountry === scratch.length) return;
      scratch[inCountry++] = company;
    }
    for (let position = 0; position < inCountry; position++) tally.add(scratch[position] ?? 0, amount);
  }

  /**
   * Companies sharing the rarest name words: the two rarest tokens when their blocks are small; when they are
   * common ("Bennett Logistics"), the adjacent word pairs instead; a still large block is narrowed to the country.
   */
  private collectByTokens(account: PreparedAccount, name: NormalizedName, tally: EvidenceTally): void {
    const tokens = name.tokens;
    const weights = account.weights;
    twoRarest(tokens, weights, this.rarest);
    const rarest = this.rarest[0] ?? -1;
    let hasCommonToken = false;
    const infos = account.tokenInfos;
    for (let which = 0; which < 2; which++) {
      const info = infos[this.rarest[which] ?? -1];
      if (!info) continue;
      if (info.end - info.start <= smallBlockSize) this.collectBlock(account, tally, info.start, info.end, info.weight);
      else hasCommonToken = true;
    }
    if (!hasCommonToken) return;
    if (tokens.length === 1) {
      const info = infos[rarest];
      if (info) this.collectBlock(account, tally, info.start, info.end, info.weight);
      return;
    }
    for (let position = 1; position < tokens.length; position++) {
      findKeyRunInto(this.index, hashPair(tokens[position - 1] ?? '', tokens[position] ?? ''), this.run);
      this.collectBlock(account, tally, this.run[0] ?? 0, this.run[1] ?? 0, (weights[position - 1] ?? 0) + (weights[position] ?? 0));
    }
  }
}

/** Words whose weight and block are kept per index (about 100 B each); past this many the cache starts over. */
const maxCachedTokens = 200_000;
const tokenCaches = new WeakMap<MasterIndex, Map<string, TokenInfo>>();

/**
 * The index's word cache, shared by every matcher over it (a word's weight and block are the index's: a list's
 * common words are looked up once, not once per list). Matchers run one at a time per thread, as the Blocker does.
 */
function tokenCacheOf(index: MasterIndex): Map<string, TokenInfo> {
  let cache = tokenCaches.get(index);
  if (!cache) {
    cache = new Map();
    tokenCaches.set(index, cache);
  }
  return cache;
}

/** Positions of the two rarest distinct words (stable: of equal weights, the first in the name) into `into`; -1 when absent. */
function twoRarest(tokens: readonly string[], weights: readonly number[], into: Int32Array): void {
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
  into[0] = rarest;
  into[1] = secondRarest;
}
