// Merging the parts that builder threads made (buildIndexInParallel) into the one index a single builder would make.
import { hashKey } from './hashString';
import { keyPrefix, type MasterIndex, type MasterIndexPart } from './masterIndex';
import { bucketStartsOfSorted, buildKeyDirectory, findKeyRunInto, sortPartitionedBuckets, topBuckets, type PartitionedKeys } from './masterIndexKeys';
import { rowCountryAndCompleteness, rowDomainCheck, rowFields, rowIdStart, rowWordStart } from './masterIndexRows';
import { tokenWeight } from './scoreCandidate';

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
  const idBytes = parts.reduce((sum, part) => sum + part.companyIdBytes.length, 0);
  const companyIdBytes = new Uint8Array(idBytes);
  const rows = new Uint32Array((size + 1) * rowFields);
  const nameWords = new Uint32Array(wordCount);
  // Only when some part has rows of other names (MasterIndex.primaryRows).
  const primaryRows = parts.some((part) => part.primaryRows) ? new Uint32Array(size) : undefined;
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
    const partRows = part.rows;
    // The part's rows renumbered (its closing row is overwritten by the next part's first, or closes the index).
    for (let from = 0, to = companyBase * rowFields; from <= part.count * rowFields; from += rowFields, to += rowFields) {
      rows[to + rowWordStart] = wordBase + (partRows[from + rowWordStart] ?? 0);
      rows[to + rowDomainCheck] = partRows[from + rowDomainCheck] ?? 0;
      rows[to + rowIdStart] = byteBase + (partRows[from + rowIdStart] ?? 0);
      const countryAndCompleteness = partRows[from + rowCountryAndCompleteness] ?? 0;
      rows[to + rowCountryAndCompleteness] = (countryAndCompleteness & ~255) | (countryMap[countryAndCompleteness & 255] ?? 0);
    }
    if (primaryRows) for (let company = 0; company < part.count; company++) primaryRows[companyBase + company] = companyBase + (part.primaryRows ? (part.primaryRows[company] ?? company) : company);
    companyIdBytes.set(part.companyIdBytes, byteBase);
    byteBase += part.companyIdBytes.length;
    companyBase += part.count;
    wordBase += part.nameWords.length;
  }
  return {
    size,
    rows,
    companyIdBytes,
    wordTexts,
    nameWords,
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
    rows: rows.rows,
    companyIdBytes: rows.companyIdBytes,
    wordTexts: rows.wordTexts,
    wordWeights: computeWordWeights(rows.wordTexts, keys.keyHashes, keyDirectory, directoryBits, rows.size),
    nameWords: rows.nameWords,
    countryCodes: rows.countryCodes,
    keyHashes: keys.keyHashes,
    keyCompanies: keys.keyCompanies,
    ...(rows.primaryRows ? { primaryRows: rows.primaryRows } : {}),
  };
}

/** tokenWeight of each vocabulary word: the size of its token key's block, as the matcher looks it up for input words. */
export function computeWordWeights(wordTexts: readonly string[], keyHashes: Uint32Array, keyDirectory: Uint32Array, directoryBits: number, size: number): Float64Array {
  const lookup = { keyHashes, keyDirectory, directoryBits };
  const run = new Int32Array(2);
  const weights = new Float64Array(wordTexts.length);
  for (let id = 0; id < wordTexts.length; id++) {
    findKeyRunInto(lookup, hashKey(keyPrefix.token, wordTexts[id] ?? ''), run);
    weights[id] = tokenWeight((run[1] ?? 0) - (run[0] ?? 0), size);
  }
  return weights;
}

/** The rows of a single part: its arrays as they are (word ids, country indexes and rows are already the index's). */
function rowsOfPart(part: MasterIndexPart): MergedRows {
  return {
    size: part.count,
    rows: part.rows,
    companyIdBytes: part.companyIdBytes,
    wordTexts: part.wordTexts,
    nameWords: part.nameWords,
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
