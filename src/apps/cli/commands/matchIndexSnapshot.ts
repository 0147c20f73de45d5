// A master index saved as one binary file: loading 1,000,000 companies takes a fraction of a second instead of
// rebuilding the index from CSV (bench/ uses it; a worker can keep one per master version).
import { closeSync, openSync, readSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { buildKeyDirectory, computeWordWeights, type MasterIndex } from '../../../domain/matching/masterIndex';
import { StringStore } from '../../../domain/matching/stringStore';

const magic = 'OABMIDX2';

/** True when the file is a snapshot in the current format (an older format is rebuilt, not read). */
export function isCurrentSnapshot(filePath: string): boolean {
  const handle = openSync(filePath, 'r');
  try {
    const head = Buffer.alloc(magic.length);
    readSync(handle, head, 0, magic.length, 0);
    return head.toString() === magic;
  } finally {
    closeSync(handle);
  }
}

export async function saveMasterIndexSnapshot(index: MasterIndex, filePath: string): Promise<void> {
  const header = new TextEncoder().encode(JSON.stringify({ size: index.size, countryCodes: index.countryCodes }));
  const parts: Uint8Array[] = [
    ...stringStoreParts(index.companyIds),
    ...stringStoreParts(index.words),
    bytesOf(index.nameWordStarts),
    bytesOf(index.nameWords),
    bytesOf(index.domainChecks),
    bytesOf(index.countries),
    bytesOf(index.completeness),
    bytesOf(index.keyHashes),
    bytesOf(index.keyCompanies),
  ];
  const lengths = new Uint32Array([header.length, ...parts.map((part) => part.byteLength)]);
  await writeFile(filePath, Buffer.concat([Buffer.from(magic), Buffer.from(bytesOf(lengths)), header, ...parts]));
}

export async function loadMasterIndexSnapshot(filePath: string): Promise<MasterIndex> {
  const file = await readFile(filePath);
  if (file.subarray(0, magic.length).toString() !== magic) throw new Error(`${filePath} is not a master index snapshot`);
  const partCount = 11;
  const lengths = new Uint32Array(file.buffer.slice(file.byteOffset + magic.length, file.byteOffset + magic.length + (partCount + 1) * 4));
  let offset = magic.length + (partCount + 1) * 4;
  const take = (length: number): ArrayBuffer => {
    // Copy into an aligned buffer of its own (typed arrays need alignment; Buffer slices may not have it).
    const copy = file.buffer.slice(file.byteOffset + offset, file.byteOffset + offset + length);
    offset += length;
    return copy;
  };
  const header = JSON.parse(new TextDecoder().decode(take(lengths[0] ?? 0))) as { size: number; countryCodes: string[] };
  const next = (part: number): ArrayBuffer => take(lengths[part] ?? 0);
  const companyIds = StringStore.fromParts(new Uint8Array(next(1)), new Uint32Array(next(2)));
  const words = StringStore.fromParts(new Uint8Array(next(3)), new Uint32Array(next(4)));
  const nameWordStarts = new Uint32Array(next(5));
  const nameWords = new Uint32Array(next(6));
  const domainChecks = new Uint32Array(next(7));
  const countries = new Uint8Array(next(8));
  const completeness = new Uint8Array(next(9));
  const keyHashes = new Uint32Array(next(10));
  // The directory and the word weights are derived from the sorted hashes: rebuilt rather than stored.
  const { keyDirectory, directoryBits } = buildKeyDirectory(keyHashes);
  const wordTexts: string[] = [];
  for (let word = 0; word < words.size; word++) wordTexts.push(words.get(word));
  return {
    size: header.size,
    countryCodes: header.countryCodes,
    companyIds,
    words,
    wordTexts,
    wordWeights: computeWordWeights(wordTexts, keyHashes, keyDirectory, directoryBits, header.size),
    nameWordStarts,
    nameWords,
    domainChecks,
    countries,
    completeness,
    keyHashes,
    keyCompanies: new Uint32Array(next(11)),
    keyDirectory,
    directoryBits,
  };
}

function stringStoreParts(store: StringStore): Uint8Array[] {
  const { bytes, offsets } = store.toParts();
  return [bytes, bytesOf(offsets)];
}

function bytesOf(array: Uint32Array | Uint8Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}
