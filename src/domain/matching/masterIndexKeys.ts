// The index's keys: (hash, company) pairs sorted by hash, a directory over the top bits of the hash, and the lookup of
// one hash's run of companies. What the builder, the merge of builder parts and the matcher's blocking share.
import type { MasterIndex } from './masterIndex';

/**
 * LSD radix sort of (hash, company) pairs by hash, three 11-bit passes: O(n), stable, no comparator calls. 2,048
 * buckets keep the scattered writes within the caches (65,536 buckets of two 16-bit passes miss them). The three
 * digits are counted in one pass. `isScratch`: the input arrays may be overwritten (one pair fewer to allocate).
 */
const radixBits = 11;
const radixBuckets = 1 << radixBits;
const radixMask = radixBuckets - 1;

export function sortByHash(hashes: Uint32Array, companies: Uint32Array, isScratch = false): { keyHashes: Uint32Array; keyCompanies: Uint32Array } {
  const length = hashes.length;
  const counts = new Uint32Array(radixBuckets * 3);
  for (let i = 0; i < length; i++) {
    const hash = hashes[i] as number;
    counts[hash & radixMask]!++;
    counts[radixBuckets + ((hash >>> radixBits) & radixMask)]!++;
    counts[2 * radixBuckets + (hash >>> (2 * radixBits))]!++;
  }
  for (let digit = 0; digit < 3; digit++) {
    let total = 0;
    for (let bucket = digit * radixBuckets; bucket < (digit + 1) * radixBuckets; bucket++) {
      const bucketCount = counts[bucket] as number;
      counts[bucket] = total;
      total += bucketCount;
    }
  }
  // input → result → scratch → result
  const resultHashes = new Uint32Array(length);
  const resultCompanies = new Uint32Array(length);
  const scratchHashes = isScratch ? hashes : new Uint32Array(length);
  const scratchCompanies = isScratch ? companies : new Uint32Array(length);
  radixPass(hashes, companies, resultHashes, resultCompanies, counts, 0, 0);
  radixPass(resultHashes, resultCompanies, scratchHashes, scratchCompanies, counts, radixBuckets, radixBits);
  radixPass(scratchHashes, scratchCompanies, resultHashes, resultCompanies, counts, 2 * radixBuckets, 2 * radixBits);
  return { keyHashes: resultHashes, keyCompanies: resultCompanies };
}

function radixPass(sourceHashes: Uint32Array, sourceCompanies: Uint32Array, targetHashes: Uint32Array, targetCompanies: Uint32Array, counts: Uint32Array, countBase: number, shift: number): void {
  const length = sourceHashes.length;
  for (let i = 0; i < length; i++) {
    const hash = sourceHashes[i] as number;
    const bucket = countBase + ((hash >>> shift) & radixMask);
    const target = counts[bucket] as number;
    counts[bucket] = target + 1;
    targetHashes[target] = hash;
    targetCompanies[target] = sourceCompanies[i] as number;
  }
}

/** The directory over sorted key hashes: about 8 keys per slot (4 bytes per 8 keys). */
export function buildKeyDirectory(hashes: Uint32Array): { keyDirectory: Uint32Array; directoryBits: number } {
  const directoryBits = Math.max(1, Math.min(26, Math.ceil(Math.log2(Math.max(2, hashes.length))) - 3));
  const slots = 2 ** directoryBits;
  const shift = 32 - directoryBits;
  const keyDirectory = new Uint32Array(slots + 1);
  let position = 0;
  for (let slot = 0; slot < slots; slot++) {
    keyDirectory[slot] = position;
    while (position < hashes.length && (hashes[position] ?? 0) >>> shift === slot) position++;
  }
  keyDirectory[slots] = hashes.length;
  return { keyDirectory, directoryBits };
}

/** [start, end) of the run of a key hash in the sorted key arrays, written into `run` (the matcher looks up ~10 keys a row: no tuple allocated for each). */
export function findKeyRunInto(index: Pick<MasterIndex, 'keyHashes' | 'keyDirectory' | 'directoryBits'>, hash: number, run: [number, number] | Int32Array): void {
  const hashes = index.keyHashes;
  const slot = hash >>> (32 - index.directoryBits);
  let low = index.keyDirectory[slot] ?? 0;
  const slotEnd = index.keyDirectory[slot + 1] ?? hashes.length;
  let high = slotEnd;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((hashes[middle] ?? 0) < hash) low = middle + 1;
    else high = middle;
  }
  run[0] = low;
  if (low >= slotEnd || hashes[low] !== hash) {
    run[1] = low;
    return;
  }
  let end = low + 1;
  high = slotEnd;
  while (end < high) {
    const middle = (end + high) >>> 1;
    if ((hashes[middle] ?? 0) <= hash) end = middle + 1;
    else high = middle;
  }
  run[1] = end;
}
