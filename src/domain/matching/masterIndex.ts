import { buildExclusionSet } from './excludedDomains';
import { checkHash, hashKey, hashKeyCodes, hashKeyRange, hashPair, hashPairCodes } from './hashString';
import { normalizeCountry } from './normalizeCountry';
import { domainLabel, normalizeMasterDomain } from './normalizeDomain';
import { edgeFormsStripped, normalizeName, stripEdgeForms, type NormalizedName } from './normalizeName';
import { scanNameBytes, scannedBytes } from './scanNameWords';
import { partitionByTopDigit, sortByHash, type KeyBucketStarts } from './masterIndexKeys';
import { mergeMasterIndexParts } from './mergeMasterIndexParts';
import { packCountryAndCompleteness, rowCountryAndCompleteness, rowDomainCheck, rowFields, rowIdStart, rowWordStart } from './masterIndexRows';
import { decodeUtf8, StringStore, type StoreArrays } from './stringStore';
import type { MasterCompanyInput } from './types';

/**
 * The master company database as the matcher reads it, in flat typed arrays (no per-company objects), so that
 * 1,000,000 companies fit in ~100 MB and build in a few seconds:
 * - every company contributes blocking keys (its domain, each name token, each pair of adjacent tokens, its name
 *   without spaces, its domain's label, and the first/last 5 letters of long names for typos), stored as parallel (key hash, company) arrays
 *   sorted by hash; a lookup is a binary search, and the length of a key's run is its document frequency;
 * - a fixed 16-byte record per company (masterIndexRows.ts: where its name words and id start, a second domain
 *   hash to confirm domain hits, its country and completeness), what the matcher reads of every candidate in one
 *   cache line; the normalised name as word ids into a vocabulary (each word's text and weight kept once).
 */
export interface MasterIndex {
  readonly size: number;
  /** size + 1 records of rowFields Uint32s (masterIndexRows.ts); the last holds only the ends of the last row's words and id. */
  readonly rows: Uint32Array;
  /** The company ids' UTF-8 bytes (companyIdOfRow). */
  readonly companyIdBytes: Uint8Array;
  /** The distinct name words of the master (word id → word; the matcher reads candidates' words without decoding them). */
  readonly wordTexts: readonly string[];
  /** tokenWeight of each word (from its token key's block), so that scoring needs no lookup. */
  readonly wordWeights: Float64Array;
  /** Row c's normalizeName(...).tokens are nameWords[wordStartOfRow(c) .. wordEndOfRow(c)) (none when the name normalises to nothing). */
  readonly nameWords: Uint32Array;
  readonly countryCodes: readonly string[];
  readonly keyHashes: Uint32Array;
  readonly keyCompanies: Uint32Array;
  /**
   * Where each run of keys sharing the top `directoryBits` bits of their hash starts in keyHashes: a lookup reads
   * one directory slot and binary-searches ~8 keys, instead of 23 cache-missing steps over the whole array.
   */
  readonly keyDirectory: Uint32Array;
  readonly directoryBits: number;
  /**
   * Only when some company has other names (MasterCompanyInput.otherNames: GLEIF trading or transliterated names):
   * each other name is a row of its own right after its company's row (same company id, domain check, country and
   * completeness; keyed by its own words, not by the domains), and primaryRows[row] is its company's first row
   * (itself for a company's own row). The matcher scores every row and keeps each company once, at its best name.
   */
  readonly primaryRows?: Uint32Array;
}

export const keyPrefix = { domain: 'd', token: 't', pair: 'b', compact: 'c', head: 'p', tail: 's', otherDomain: 'o', initials: 'i' } as const;
/** Names of this many words (after legal forms) also get an initials key ("Bayerische Motoren Werke" → "bmw"). */
export const initialsMinWords = 3;
const initialsMaxWords = 5;
/** A company's other domains (companies.other_domains) beyond its main one: keyed, at most this many each. */
const maxOtherDomains = 8;
/** A company's other names beyond its main one: a row each, at most this many. */
const maxOtherNames = 8;
/** Names at least this long also get head/tail keys, so one typo still finds them. */
export const affixMinLength = 8;
export const affixLength = 5;

export class MasterIndexBuilder {
  private readonly companyIds: StringStore;
  /** The words' text, copied (wordTexts holds them as strings of their own). */
  private readonly words: StringStore;
  private readonly wordTexts: string[] = [];
  /** Open addressing over the words' token-key hashes (already computed for the keys) → word id, -1 = free. */
  private wordSlots: Int32Array = new Int32Array(1 << 12).fill(-1);
  private nameWords: Uint32Array;
  private nameWordCount = 0;
  /** MasterIndex.rows, room for `rowCapacity` rows and the closing one (the id starts are filled in by takePart). */
  private rows: Uint32Array;
  private rowCapacity: number;
  private readonly countryCodes: string[] = [''];
  private readonly countryIndexes = new Map<string, number>();
  private readonly countryBySpelling = new Map<string, number>();
  private keyHashes: Uint32Array;
  private keyCompanies: Uint32Array;
  private keyCount = 0;
  private count = 0;
  /** Created at the first company with other names (earlier rows are their own primary). */
  private primaryRows: Uint32Array | undefined;
  private readonly excludedDomains = buildExclusionSet();

  /** `scratch`: the arrays of this thread's spent builders to write into, and where takePart leaves this one's. */
  constructor(
    expectedCount = 1024,
    private readonly scratch?: MasterIndexBuilderScratch,
  ) {
    this.companyIds = new StringStore(expectedCount, 12, scratch?.companyIds);
    this.words = new StringStore(Math.max(1024, expectedCount >>> 3), 8, scratch?.words);
    this.nameWords = reusedArray(scratch?.nameWords, expectedCount * 3) ?? new Uint32Array(expectedCount * 3);
    this.rows = reusedArray(scratch?.rows, (expectedCount + 1) * rowFields) ?? new Uint32Array((expectedCount + 1) * rowFields);
    this.rowCapacity = this.rows.length / rowFields - 1;
    this.keyHashes = reusedArray(scratch?.keyHashes, expectedCount * 7) ?? new Uint32Array(expectedCount * 7);
    this.keyCompanies = reusedArray(scratch?.keyCompanies, this.keyHashes.length) ?? new Uint32Array(this.keyHashes.length);
    if (scratch?.wordSlots) this.wordSlots = scratch.wordSlots.fill(-1);
  }

  /**
   * Adds a company. `bytes` (the CSV build reads fields from its file without making strings of them): with idStart
   * ≥ 0, its id is the UTF-8 bytes bytes[idStart, idEnd) (company.companyId is not read); with nameStart ≥ 0, its
   * name is the ASCII bytes bytes[nameStart, nameEnd) (company.name is not read).
   */
  add(company: MasterCompanyInput, bytes?: Uint8Array, idStart = -1, idEnd = -1, nameStart = -1, nameEnd = -1): void {
    const index = this.count;
    if (index >= this.rowCapacity) this.growCompanies();
    this.count++;
    if (bytes && idStart >= 0) this.companyIds.addBytes(bytes, idStart, idEnd);
    else this.companyIds.add(company.companyId);
    // A name read from the bytes is normalised there (its words' codes in scannedBytes), or else as text.
    const hasNameBytes = bytes !== undefined && nameStart >= 0;
    const isScanned = hasNameBytes && !company.otherNames && scanNameBytes(bytes, nameStart, nameEnd);
    const name = isScanned ? null : normalizeName(hasNameBytes ? decodeUtf8(bytes, nameStart, nameEnd) : company.name);
    let scannedStart = 0;
    let scannedEnd = isScanned ? scannedBytes.count : 0;
    if (isScanned && scannedBytes.needsLegalFormLoop) {
      stripEdgeForms(scannedBytes.texts, scannedBytes.flags, scannedEnd);
      scannedStart = edgeFormsStripped.start;
      scannedEnd = edgeFormsStripped.end;
    }
    const row = index * rowFields;
    const rows = this.rows;
    rows[row + rowWordStart] = this.nameWordCount;
    const domain = normalizeMasterDomain(company.domain);
    const isUsableDomain = domain !== null && !this.excludedDomains.has(domain);
    // An excluded domain gets no key (it finds no one) but keeps its check: github.com is still GitHub's own domain.
    rows[row + rowDomainCheck] = domain !== null ? checkHash(domain) || 1 : 0;
    rows[row + rowCountryAndCompleteness] = packCountryAndCompleteness(this.countryIndexOf(company.country), Math.max(0, Math.min(255, company.completeness ?? 0)));
    if (this.primaryRows) this.primaryRows[index] = index;
    if (isUsableDomain) this.addKey(keyPrefix.domain, domain, index);
    if (name) this.addNameKeys(name, index);
    else if (scannedEnd > scannedStart) this.addScannedNameKeys(scannedStart, scannedEnd, index);
    if (isUsableDomain) {
      const label = withoutHyphens(domainLabel(domain));
      if (label.length >= 3 && (name ? label !== name.compact : !isScannedCompact(label, scannedStart, scannedEnd))) this.addKey(keyPrefix.compact, label, index);
    }
    if (company.otherDomains) this.addOtherDomains(company.otherDomains, domain, index);
    if (company.otherNames && company.otherNames.length > 0) this.addOtherNames(company.otherNames, name?.key ?? '', index);
  }

  /** Each other name (distinct from the main name once normalised) as a row of the same company, keyed by its words. */
  private addOtherNames(otherNames: readonly string[], mainKey: string, primary: number): void {
    const seen: string[] = [mainKey];
    for (const other of otherNames) {
      const name = normalizeName(other);
      if (!name || seen.includes(name.key)) continue;
      seen.push(name.key);
      const index = this.count;
      if (index >= this.rowCapacity) this.growCompanies();
      if (!this.primaryRows) {
        this.primaryRows = new Uint32Array(this.rowCapacity);
        for (let row = 0; row < index; row++) this.primaryRows[row] = row;
      }
      this.count++;
      this.companyIds.addCopyOf(primary);
      const rows = this.rows;
      rows[index * rowFields + rowWordStart] = this.nameWordCount;
      rows[index * rowFields + rowDomainCheck] = rows[primary * rowFields + rowDomainCheck] ?? 0;
      rows[index * rowFields + rowCountryAndCompleteness] = rows[primary * rowFields + rowCountryAndCompleteness] ?? 0;
      this.primaryRows[index] = primary;
      this.addNameKeys(name, index);
      if (seen.length > maxOtherNames) return;
    }
  }

  /** The name's words (as the row's name) and its keys: tokens, adjacent pairs, compact, initials, head and tail. */
  private addNameKeys(name: NormalizedName, index: number): void {
    const tokens = name.tokens;
    for (let position = 0; position < tokens.length; position++) {
      const token = tokens[position] ?? '';
      const hash = hashKey(keyPrefix.token, token);
      // Names have a handful of words: a scan beats allocating a Set per company.
      if (tokens.indexOf(token) === position) this.addHash(hash, index);
      this.addNameWord(token, hash);
    }
    // Adjacent word pairs find "Bennett Logistics Group" from "Bennett Logistics" when each word alone is common.
    for (let position = 1; position < tokens.length; position++) {
      this.addHash(hashPair(tokens[position - 1] ?? '', tokens[position] ?? ''), index);
    }
    const compact = name.compact;
    this.addKey(keyPrefix.compact, compact, index);
    if (tokens.length >= initialsMinWords && tokens.length <= initialsMaxWords) this.addKey(keyPrefix.initials, initialsOf(tokens), index);
    if (compact.length >= affixMinLength) {
      this.addHash(hashKeyRange(keyPrefix.head, compact, 0, affixLength), index);
      this.addHash(hashKeyRange(keyPrefix.tail, compact, compact.length - affixLength, compact.length), index);
    }
  }

  /** addNameKeys of the words [start, end) of the last scanNameBytes (scannedBytes): the same keys, hashed from the codes. */
  private addScannedNameKeys(start: number, end: number, index: number): void {
    const { codes, starts } = scannedBytes;
    const firstWord = this.nameWordCount;
    for (let word = start; word < end; word++) {
      const wordStart = starts[word] as number;
      const wordEnd = starts[word + 1] as number;
      const hash = hashKeyCodes(keyPrefix.token, codes, wordStart, wordEnd);
      const id = this.wordIdOfCodes(codes, wordStart, wordEnd, hash);
      // A word's first time in the name (equal words have the same id).
      let isFirst = true;
      for (let at = firstWord; at < this.nameWordCount && isFirst; at++) isFirst = this.nameWords[at] !== id;
      if (isFirst) this.addHash(hash, index);
      this.pushNameWord(id);
    }
    for (let word = start + 1; word < end; word++) this.addHash(hashPairCodes(codes, starts[word - 1] as number, starts[word] as number, starts[word + 1] as number), index);
    const compactStart = starts[start] as number;
    const compactEnd = starts[end] as number;
    this.addHash(hashKeyCodes(keyPrefix.compact, codes, compactStart, compactEnd), index);
    const words = end - start;
    if (words >= initialsMinWords && words <= initialsMaxWords) {
      const initials = scannedInitials;
      for (let word = start; word < end; word++) initials[word - start] = codes[starts[word] as number] as number;
      this.addHash(hashKeyCodes(keyPrefix.initials, initials, 0, words), index);
    }
    if (compactEnd - compactStart >= affixMinLength) {
      this.addHash(hashKeyCodes(keyPrefix.head, codes, compactStart, compactStart + affixLength), index);
      this.addHash(hashKeyCodes(keyPrefix.tail, codes, compactEnd - affixLength, compactEnd), index);
    }
  }

  /** Other domains get their own key (no second check: the name must still agree for them to count). */
  private addOtherDomains(otherDomains: readonly string[], mainDomain: string | null, index: number): void {
    const seen: string[] = [];
    for (const raw of otherDomains) {
      const other = normalizeMasterDomain(raw);
      if (other === null || other === mainDomain || seen.includes(other) || this.excludedDomains.has(other)) continue;
      seen.push(other);
      this.addKey(keyPrefix.otherDomain, other, index);
      if (seen.length === maxOtherDomains) return;
    }
  }

  finish(): MasterIndex {
    return mergeMasterIndexParts([this.takePart()]);
  }

  /**
   * What this builder gathered, its keys sorted: a parallel build gives each thread a builder over its share of the
   * rows, and mergeMasterIndexParts joins their parts in row order into the index one builder would have built.
   * The builder is spent: its key arrays are the sort's scratch space. `partitioned`: the keys only grouped by the
   * top bits of their hash (partitionByTopDigit, in arrays from `allocateKeys`), the merge finishes the sort.
   */
  takePart(keys: 'sorted' | 'partitioned' = 'sorted', allocateKeys?: (length: number) => Uint32Array): MasterIndexPart {
    const ids = this.companyIds.copyParts();
    const offsets = ids.offsets;
    const hashes = this.keyHashes.subarray(0, this.keyCount);
    const companies = this.keyCompanies.subarray(0, this.keyCount);
    const rows = this.rows.slice(0, (this.count + 1) * rowFields);
    for (let row = 0; row <= this.count; row++) rows[row * rowFields + rowIdStart] = offsets[row] ?? 0;
    // The closing row holds only the ends of the last row's words and id (a reused array holds an old row there).
    rows[this.count * rowFields + rowWordStart] = this.nameWordCount;
    rows[this.count * rowFields + rowDomainCheck] = 0;
    rows[this.count * rowFields + rowCountryAndCompleteness] = 0;
    const part: MasterIndexPart = {
      count: this.count,
      rows,
      companyIdBytes: ids.bytes,
      wordTexts: this.wordTexts,
      nameWords: this.nameWords.slice(0, this.nameWordCount),
      countryCodes: this.countryCodes,
      // Sorted (or partitioned, the sort's first step) here, in the thread that built the part; the builder's arrays are the sort's scratch space.
      ...(keys === 'sorted' ? sortByHash(hashes, companies, true) : partitionByTopDigit(hashes, companies, allocateKeys)),
      ...(this.primaryRows ? { primaryRows: this.primaryRows.slice(0, this.count) } : {}),
    };
    // Everything the part holds is a copy: this builder's arrays are the next one's.
    Object.assign(this.scratch ?? {}, { companyIds: this.companyIds.arrays(), words: this.words.arrays(), nameWords: this.nameWords, rows: this.rows, keyHashes: this.keyHashes, keyCompanies: this.keyCompanies, wordSlots: this.wordSlots });
    return part;
  }

  /** Master files spell countries a handful of ways: each spelling is normalised once. */
  private countryIndexOf(raw: string): number {
    let index = this.countryBySpelling.get(raw);
    if (index === undefined) {
      index = this.countryIndex(normalizeCountry(raw));
      if (this.countryBySpelling.size < 10_000) this.countryBySpelling.set(raw, index);
    }
    return index;
  }

  private countryIndex(country: string | null): number {
    if (!country) return 0;
    let index = this.countryIndexes.get(country);
    if (index === undefined) {
      // 249 ISO countries fit in a byte.
      index = this.countryCodes.length;
      if (index > 255) return 0;
      this.countryCodes.push(country);
      this.countryIndexes.set(country, index);
    }
    return index;
  }

  private addNameWord(token: string, hash: number): void {
    const slots = this.wordSlots;
    const mask = slots.length - 1;
    let slot = hash & mask;
    let id = slots[slot] ?? -1;
    while (id !== -1 && this.wordTexts[id] !== token) {
      slot = (slot + 1) & mask;
      id = slots[slot] ?? -1;
    }
    if (id === -1) {
      id = this.wordTexts.length;
      // A copy, not a slice: a slice would keep the whole CSV chunk it came from alive.
      this.wordTexts.push(this.words.get(this.words.add(token)));
      slots[slot] = id;
      if (this.wordTexts.length * 2 > mask) this.growWordSlots();
    }
    this.pushNameWord(id);
  }

  /** The id of the word whose codes are codes[start, end) (its token key hash `hash`), added to the vocabulary if new. */
  private wordIdOfCodes(codes: Uint8Array, start: number, end: number, hash: number): number {
    const slots = this.wordSlots;
    const mask = slots.length - 1;
    let slot = hash & mask;
    let id = slots[slot] ?? -1;
    while (id !== -1 && !hasCodes(this.wordTexts[id] ?? '', codes, start, end)) {
      slot = (slot + 1) & mask;
      id = slots[slot] ?? -1;
    }
    if (id === -1) {
      id = this.wordTexts.length;
      this.wordTexts.push(this.words.get(this.words.addBytes(codes, start, end)));
      slots[slot] = id;
      if (this.wordTexts.length * 2 > mask) this.growWordSlots();
    }
    return id;
  }

  private pushNameWord(id: number): void {
    if (this.nameWordCount >= this.nameWords.length) {
      const grown = new Uint32Array(this.nameWords.length * 2);
      grown.set(this.nameWords);
      this.nameWords = grown;
    }
    this.nameWords[this.nameWordCount++] = id;
  }

  private growWordSlots(): void {
    const slots = new Int32Array(this.wordSlots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let id = 0; id < this.wordTexts.length; id++) {
      let slot = hashKey(keyPrefix.token, this.wordTexts[id] ?? '') & mask;
      while ((slots[slot] ?? -1) !== -1) slot = (slot + 1) & mask;
      slots[slot] = id;
    }
    this.wordSlots = slots;
  }

  private addKey(prefix: string, text: string, company: number): void {
    this.addHash(hashKey(prefix, text), company);
  }

  private addHash(hash: number, company: number): void {
    if (this.keyCount >= this.keyHashes.length) {
      const size = this.keyHashes.length * 2;
      const hashes = new Uint32Array(size);
      hashes.set(this.keyHashes);
      const companies = new Uint32Array(size);
      companies.set(this.keyCompanies);
      this.keyHashes = hashes;
      this.keyCompanies = companies;
    }
    this.keyHashes[this.keyCount] = hash;
    this.keyCompanies[this.keyCount] = company;
    this.keyCount++;
  }

  private growCompanies(): void {
    const size = Math.max(16, this.rowCapacity * 2);
    const rows = new Uint32Array((size + 1) * rowFields);
    rows.set(this.rows);
    this.rows = rows;
    this.rowCapacity = size;
    if (this.primaryRows) {
      const primaryRows = new Uint32Array(size);
      primaryRows.set(this.primaryRows);
      this.primaryRows = primaryRows;
    }
  }
}

/**
 * The arrays of a spent builder (takePart), for the next builder of the same thread: a thread building chunk after
 * chunk of a file then writes into memory it has already touched instead of new memory (a page fault per 4 KB).
 */
export interface MasterIndexBuilderScratch {
  companyIds?: StoreArrays;
  words?: StoreArrays;
  nameWords?: Uint32Array;
  rows?: Uint32Array;
  keyHashes?: Uint32Array;
  keyCompanies?: Uint32Array;
  wordSlots?: Int32Array;
}

/** `array` when it holds at least `length` elements (its old contents are overwritten). */
function reusedArray<T extends Uint32Array>(array: T | undefined, length: number): T | undefined {
  return array && array.length >= length ? array : undefined;
}

export function buildMasterIndex(companies: Iterable<MasterCompanyInput>, expectedCount?: number): MasterIndex {
  const builder = new MasterIndexBuilder(expectedCount);
  for (const company of companies) builder.add(company);
  return builder.finish();
}

/** Room for the initials of a scanned name (initialsMaxWords letters). */
const scannedInitials = new Uint8Array(initialsMaxWords);

/** Whether `text` is the ASCII codes[start, end). */
function hasCodes(text: string, codes: Uint8Array, start: number, end: number): boolean {
  if (text.length !== end - start) return false;
  for (let at = 0; at < text.length; at++) if (text.charCodeAt(at) !== codes[start + at]) return false;
  return true;
}

/** Whether `text` is the compact form of the scanned words [start, end) (their codes, back to back). */
function isScannedCompact(text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  return hasCodes(text, scannedBytes.codes, scannedBytes.starts[start] as number, scannedBytes.starts[end] as number);
}

/** The first letters of a name's words ("bayerische motoren werke" → "bmw"). */
export function initialsOf(tokens: readonly string[]): string {
  let initials = '';
  for (const token of tokens) initials += token.charAt(0);
  return initials;
}

function withoutHyphens(text: string): string {
  return text.includes('-') ? text.replace(/-/g, '') : text;
}

/** One builder's share of an index (takePart): company numbers, word ids and country indexes are its own. */
export interface MasterIndexPart {
  count: number;
  /** MasterIndex.rows of the part's rows (word and id starts its own). */
  rows: Uint32Array;
  companyIdBytes: Uint8Array;
  wordTexts: string[];
  nameWords: Uint32Array;
  countryCodes: string[];
  /** Sorted by hash (stable: a hash's companies in row order), as in the index; or only partitioned (keyBucketStarts). */
  keyHashes: Uint32Array;
  keyCompanies: Uint32Array;
  /** Present when the keys are only grouped by the top bits of their hash (partitionByTopDigit): where each group starts. */
  keyBucketStarts?: KeyBucketStarts;
  /** MasterIndex.primaryRows, in the part's own row numbers (absent: every row is its own company). */
  primaryRows?: Uint32Array;
}
