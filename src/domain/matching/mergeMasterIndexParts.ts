// Merging the parts that builder threads made (buildIndexInParallel) into the one index a single builder would make.
import { computeWordWeights, type MasterIndex, type MasterIndexPart } from './masterIndex';
import { bucketStartsOfSorted, buildKeyDirectory, sortPartitionedBuckets, topBuckets, type PartitionedKeys } from './masterIndexKeys';
import { StringStore } from './stringStore';

/**
 * The index of the parts' companies in part order: company numbers, word ids (in order of first use) and country
 * indexes renumbered as one builder fed all rows in that order would have numbered them, so the result is the same.
 */
export function mergeMasterIndexParts(parts: readonly MasterIndexPart[], sortedKeys?: SortedKeys): MasterIndex {
  return withKeys(mergePartRows(parts), sortedKeys ?? sortPartKeys(parts));
}

/** The index but its keys (and what is computed from them): the rows of the parts in part order, renumbered. */
export type MergedRows = Omit<MasterIndex, 'keyHashes' | 'keyCompanies' | 'keyDirectory' | 'directoryBits' | 'wordWeights'>;

/** mergeMasterIndexParts without the keys: a parallel build merges the rows while threads sort the keys. */
export function mergePartRows(parts: readonly MasterIndexPart[]): MergedRows {
  if (parts.length === 1) return rowsOfPart(parts[0] as MasterIndexPart);
  const size = parts.reduce((sum, part) => sum + part.count, 0);
  const wordCount = parts.reduce((sum, part) => sum + part.nameWords.length, 0);
  const idBytes = parts.reduce((sum, part) => sum + (part.companyIdOffsets[part.count] ?? 0), 0);
  const companyIdBytes = new Uint8Array(idBytes);
  const companyIdOffsets = new Uint32Array(size + 1);
  const nameWordStarts = new Uint32Array(size + 1);
  const nameWords = new Uint32Array(wordCount);
  const domainChecks = new Uint32Array(size);
  const countries = new Uint8Array(size);
  const completeness = new Uint8Array(size);
  // Only when some part has rows of other names (MasterIndex.primaryRows).
  const primaryRows = parts.some((part) => part.primaryRows) ? new Uint32Array(size) : undefined;
  const words = new StringStore(1024, 8);
  const wordTexts: string[] = [];
  const wordIds = new Map<string, number>();
  const countryCodes: string[] = [''];
  const countryIds = new Map<string, number>([['', 0]]);
  let companyBase = 0;
  let wordBase = 0;
  let byteBase = 0;
  for (const part of parts) {
    const wordMap = new Uint32Array(part.wordTexts.length);
    part.wordTexts.forEach((text, local) => {
      let id = wordIds.get(text);
      if (id === undefined) {
        id = wordTexts.length;
        wordIds.set(text, id);
        wordTexts.push(text);
        words.add(text);
      }
      wordMap[local] = id;
    });
    const countryMap = new Uint8Array(part.countryCodes.length);
    part.countryCodes.forEach((code, local) => {
      let id = countryIds.get(code);
      if (id === undefined) {
        // 249 ISO countries fit in a byte, as in the builder.
        id = countryCodes.length > 255 ? 0 : countryCodes.length;
        if (id !== 0) countryCodes.push(code);
        countryIds.set(code, id);
      }
      countryMap[local] = id;
    });
    for (let word = 0; word < part.nameWords.length; word++) nameWords[wordBase + word] = wordMap[part.nameWords[word] ?? 0] ?? 0;
    for (let company = 0; company <= part.count; company++) nameWordStarts[companyBase + company] = wordBase + (part.nameWordStarts[company] ?? 0);
    for (let company = 0; company < part.count; company++) countries[companyBase + company] = countryMap[part.countries[company] ?? 0] ?? 0;
    domainChecks.set(part.domainChecks, companyBase);
    completeness.set(part.completeness, companyBase);
    if (primaryRows) for (let company = 0; company < part.count; company++) primaryRows[companyBase + company] = companyBase + (part.primaryRows ? (part.primaryRows[company] ?? company) : company);
    const partBytes = part.companyIdOffsets[part.count] ?? 0;
    companyIdBytes.set(part.companyIdBytes.subarray(0, partBytes), byteBase);
    for (let company = 0; company <= part.count; company++) companyIdOffsets[companyBase + company] = byteBase + (part.companyIdOffsets[company] ?? 0);
    byteBase += partBytes;
    companyBase += part.count;
    wordBase += part.nameWords.length;
  }
  words.compact();
  return {
    size,
    companyIds: StringStore.fromParts(companyIdBytes, companyIdOffsets),
    words,
    wordTexts,
    nameWordStarts,
    nameWords,
    domainChecks,
    countries,
    completeness,
    countryCodes,
    ...(primaryRows ? { primaryRows } : {}),
  };
}

/** The index of merged rows and their sorted keys (its fields in the order snapshots store them). */
export function withKeys(rows: MergedRows, keys: SortedKeys): MasterIndex {
  const { keyDirectory, directoryBits } = buildKeyDirectory(keys.keyHashes);
  return {
    keyDirectory,
    directoryBits,
    size: rows.size,
    companyIds: rows.companyIds,
    words: rows.words,
    wordTexts: rows.wordTexts,
    wordWeights: computeWordWeights(rows.wordTexts, keys.keyHashes, keyDirectory, directoryBits, rows.size),
    nameWordStarts: rows.nameWordStarts,
    nameWords: rows.nameWords,
    domainChecks: rows.domainChecks,
    countries: rows.countries,
    completeness: rows.completeness,
    countryCodes: rows.countryCodes,
    keyHashes: keys.keyHashes,
    keyCompanies: keys.keyCompanies,
    ...(rows.primaryRows ? { primaryRows: rows.primaryRows } : {}),
  };
}

/** The rows of a single part: its arrays as they are (word ids, country indexes and rows are already the index's). */
function rowsOfPart(part: MasterIndexPart): MergedRows {
  const words = new StringStore(Math.max(1, part.wordTexts.length), 8);
  for (const text of part.wordTexts) words.add(text);
  words.compact();
  return {
    size: part.count,
    companyIds: StringStore.fromParts(part.companyIdBytes, part.companyIdOffsets),
    words,
    wordTexts: part.wordTexts,
    nameWordStarts: part.nameWordStarts,
    nameWords: part.nameWords,
    domainChecks: part.domainChecks,
    countries: part.countries,
    completeness: part.completeness,
    countryCodes: part.countryCodes,
    ...(part.primaryRows ? { primaryRows: part.primaryRows } : {}),
  };
}

/** The index's keys: sorted by hash, companies numbered across parts. */
export interface SortedKeys {
  keyHashes: Uint32Array;
  keyCompanies: Uint32Array;
}

/** The parts' keys as sortPartitionedBuckets reads them: a sorted part's buckets found, each part's first company number. */
export function partitionedKeysOf(parts: readonly MasterIndexPart[]): PartitionedKeys[] {
  let companyBase = 0;
  return parts.map((part) => {
    const keys = { keyHashes: part.keyHashes, keyCompanies: part.keyCompanies, keyBucketStarts: part.keyBucketStarts ?? bucketStartsOfSorted(part.keyHashes), companyBase };
    companyBase += part.count;
    return keys;
  });
}

/**
 * The parts' keys (each part's sorted or partitioned by hash) as one array sorted by hash, companies numbered across
 * parts, in the order a stable sort of all keys in row order gives. A single sorted part's keys are already that.
 */
export function sortPartKeys(parts: readonly MasterIndexPart[]): SortedKeys {
  const [first] = parts;
  if (parts.length === 1 && first && !first.keyBucketStarts) return { keyHashes: first.keyHashes, keyCompanies: first.keyCompanies };
  const keyCount = parts.reduce((sum, part) => sum + part.keyHashes.length, 0);
  const keys = { keyHashes: new Uint32Array(keyCount), keyCompanies: new Uint32Array(keyCount) };
  sortPartitionedBuckets(partitionedKeysOf(parts), keys.keyHashes, keys.keyCompanies, 0, topBuckets);
  return keys;
}
