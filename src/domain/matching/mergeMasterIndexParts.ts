// Merging the parts that builder threads made (buildIndexInParallel) into the one index a single builder would make.
import { buildKeyDirectory, computeWordWeights, sortByHash, type MasterIndex, type MasterIndexPart } from './masterIndex';
import { StringStore } from './stringStore';

/**
 * The index of the parts' companies in part order: company numbers, word ids (in order of first use) and country
 * indexes renumbered as one builder fed all rows in that order would have numbered them, so the result is the same.
 */
export function mergeMasterIndexParts(parts: readonly MasterIndexPart[]): MasterIndex {
  const size = parts.reduce((sum, part) => sum + part.count, 0);
  const keyCount = parts.reduce((sum, part) => sum + part.keyHashes.length, 0);
  const wordCount = parts.reduce((sum, part) => sum + part.nameWords.length, 0);
  const idBytes = parts.reduce((sum, part) => sum + (part.companyIdOffsets[part.count] ?? 0), 0);
  const companyIdBytes = parts.length === 1 ? (parts[0] as MasterIndexPart).companyIdBytes : new Uint8Array(idBytes);
  const companyIdOffsets = parts.length === 1 ? (parts[0] as MasterIndexPart).companyIdOffsets : new Uint32Array(size + 1);
  const nameWordStarts = new Uint32Array(size + 1);
  const nameWords = new Uint32Array(wordCount);
  const domainChecks = new Uint32Array(size);
  const countries = new Uint8Array(size);
  const completeness = new Uint8Array(size);
  const keyHashes = new Uint32Array(keyCount);
  const keyCompanies = new Uint32Array(keyCount);
  // Only when some part has rows of other names (MasterIndex.primaryRows).
  const primaryRows = parts.some((part) => part.primaryRows) ? new Uint32Array(size) : undefined;
  const words = new StringStore(1024, 8);
  const wordTexts: string[] = [];
  const wordIds = new Map<string, number>();
  const countryCodes: string[] = [''];
  const countryIds = new Map<string, number>([['', 0]]);
  let companyBase = 0;
  let wordBase = 0;
  let keyBase = 0;
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
    keyHashes.set(part.keyHashes, keyBase);
    if (primaryRows) for (let company = 0; company < part.count; company++) primaryRows[companyBase + company] = companyBase + (part.primaryRows ? (part.primaryRows[company] ?? company) : company);
    for (let key = 0; key < part.keyCompanies.length; key++) keyCompanies[keyBase + key] = companyBase + (part.keyCompanies[key] ?? 0);
    if (parts.length > 1) {
      const partBytes = part.companyIdOffsets[part.count] ?? 0;
      companyIdBytes.set(part.companyIdBytes.subarray(0, partBytes), byteBase);
      for (let company = 0; company <= part.count; company++) companyIdOffsets[companyBase + company] = byteBase + (part.companyIdOffsets[company] ?? 0);
      byteBase += partBytes;
    }
    companyBase += part.count;
    wordBase += part.nameWords.length;
    keyBase += part.keyHashes.length;
  }
  words.compact();
  const { hashes, companies } = sortByHash(keyHashes, keyCompanies);
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
