// Merging the parts that builder threads made (buildIndexInParallel) into the one index a single builder would make.
import { computeWordWeights, type MasterIndex, type MasterIndexPart } from './masterIndex';
import { buildKeyDirectory } from './masterIndexKeys';
import { StringStore } from './stringStore';

/**
 * The index of the parts' companies in part order: company numbers, word ids (in order of first use) and country
 * indexes renumbered as one builder fed all rows in that order would have numbered them, so the result is the same.
 */
export function mergeMasterIndexParts(parts: readonly MasterIndexPart[]): MasterIndex {
  if (parts.length === 1) return indexOfPart(parts[0] as MasterIndexPart);
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
  const { keyHashes: hashes, keyCompanies: companies } = mergeSortedKeys(parts);
  const { keyDirectory, directoryBits } = buildKeyDirectory(hashes);
  return {
    keyDirectory,
    directoryBits,
    size,
    companyIds: StringStore.fromParts(companyIdBytes, companyIdOffsets),
    words,
    wordTexts,
    wordWeights: computeWordWeights(wordTexts, hashes, keyDirectory, directoryBits, size),
    nameWordStarts,
    nameWords,
    domainChecks,
    countries,
    completeness,
    countryCodes,
    keyHashes: hashes,
    keyCompanies: companies,
    ...(primaryRows ? { primaryRows } : {}),
  };
}

/** The index of a single part: its arrays as they are (word ids, country indexes and rows are already the index's). */
function indexOfPart(part: MasterIndexPart): MasterIndex {
  const words = new StringStore(Math.max(1, part.wordTexts.length), 8);
  for (const text of part.wordTexts) words.add(text);
  words.compact();
  const { keyDirectory, directoryBits } = buildKeyDirectory(part.keyHashes);
  return {
    keyDirectory,
    directoryBits,
    size: part.count,
    companyIds: StringStore.fromParts(part.companyIdBytes, part.companyIdOffsets),
    words,
    wordTexts: part.wordTexts,
    wordWeights: computeWordWeights(part.wordTexts, part.keyHashes, keyDirectory, directoryBits, part.count),
    nameWordStarts: part.nameWordStarts,
    nameWords: part.nameWords,
    domainChecks: part.domainChecks,
    countries: part.countries,
    completeness: part.completeness,
    countryCodes: part.countryCodes,
    keyHashes: part.keyHashes,
    keyCompanies: part.keyCompanies,
    ...(part.primaryRows ? { primaryRows: part.primaryRows } : {}),
  };
}

/**
 * The parts' keys (each part's sorted by hash) as one array sorted by hash, companies numbered across parts: the
 * runs merged pairwise, a tie taking the earlier part's key first, so the order is the one a stable sort of all
 * keys in row order gives. The first round reads the parts themselves (numbering their companies as it goes).
 */
function mergeSortedKeys(parts: readonly MasterIndexPart[]): { keyHashes: Uint32Array; keyCompanies: Uint32Array } {
  const keyCount = parts.reduce((sum, part) => sum + part.keyHashes.length, 0);
  let hashes = new Uint32Array(keyCount);
  let companies = new Uint32Array(keyCount);
  const companyBases: number[] = [];
  let companyBase = 0;
  for (const part of parts) {
    companyBases.push(companyBase);
    companyBase += part.count;
  }
  // runs: the boundaries of the sorted runs in `hashes`, [runs[i], runs[i + 1]).
  let runs: number[] = [0];
  let out = 0;
  for (let first = 0; first < parts.length; first += 2) {
    const left = parts[first] as MasterIndexPart;
    const right = parts[first + 1];
    const leftRun = { hashes: left.keyHashes, companies: left.keyCompanies, start: 0, end: left.keyHashes.length, base: companyBases[first] ?? 0 };
    const rightRun = right ? { hashes: right.keyHashes, companies: right.keyCompanies, start: 0, end: right.keyHashes.length, base: companyBases[first + 1] ?? 0 } : emptyRun;
    out = mergeRuns(leftRun, rightRun, hashes, companies, out);
    runs.push(out);
  }
  let targetHashes = new Uint32Array(keyCount);
  let targetCompanies = new Uint32Array(keyCount);
  while (runs.length > 2) {
    const merged: number[] = [0];
    out = 0;
    for (let run = 0; run + 1 < runs.length; run += 2) {
      const start = runs[run] as number;
      const middle = runs[run + 1] as number;
      const end = run + 2 < runs.length ? (runs[run + 2] as number) : middle;
      out = mergeRuns({ hashes, companies, start, end: middle, base: 0 }, { hashes, companies, start: middle, end, base: 0 }, targetHashes, targetCompanies, out);
      merged.push(out);
    }
    runs = merged;
    [hashes, targetHashes] = [targetHashes, hashes];
    [companies, targetCompanies] = [targetCompanies, companies];
  }
  return { keyHashes: hashes, keyCompanies: companies };
}

/** Keys [start, end) of sorted arrays, their companies numbered from `base`. */
interface KeyRun {
  hashes: Uint32Array;
  companies: Uint32Array;
  start: number;
  end: number;
  base: number;
}

const emptyRun: KeyRun = { hashes: new Uint32Array(0), companies: new Uint32Array(0), start: 0, end: 0, base: 0 };

/** Merges two sorted runs into the target from `out` (ties: the left run's key first); returns the end of what it wrote. */
function mergeRuns(leftRun: KeyRun, rightRun: KeyRun, targetHashes: Uint32Array, targetCompanies: Uint32Array, start: number): number {
  const { hashes: leftHashes, companies: leftCompanies, end: leftEnd, base: leftBase } = leftRun;
  const { hashes: rightHashes, companies: rightCompanies, end: rightEnd, base: rightBase } = rightRun;
  let left = leftRun.start;
  let right = rightRun.start;
  let out = start;
  while (left < leftEnd && right < rightEnd) {
    const leftHash = leftHashes[left] as number;
    const rightHash = rightHashes[right] as number;
    if (rightHash < leftHash) {
      targetHashes[out] = rightHash;
      targetCompanies[out++] = rightBase + (rightCompanies[right++] as number);
    } else {
      targetHashes[out] = leftHash;
      targetCompanies[out++] = leftBase + (leftCompanies[left++] as number);
    }
  }
  for (; left < leftEnd; left++, out++) {
    targetHashes[out] = leftHashes[left] as number;
    targetCompanies[out] = leftBase + (leftCompanies[left] as number);
  }
  for (; right < rightEnd; right++, out++) {
    targetHashes[out] = rightHashes[right] as number;
    targetCompanies[out] = rightBase + (rightCompanies[right] as number);
  }
  return out;
}
