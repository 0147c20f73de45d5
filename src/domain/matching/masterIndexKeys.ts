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

/** The sort in two steps, for keys built on several threads (mergeMasterIndexParts): each part's keys partitioned by the top bits of their hash, then the parts' keys bucket by bucket. */
export const topDigitBits = 10;
const topShift = 32 - topDigitBits;
export const topBuckets = 1 << topDigitBits;

/** Where each top-digit bucket starts in a part's partitioned keys (topBuckets + 1 entries, the last = the key count). */
export type KeyBucketStarts = Uint32Array;

/**
 * The first step, in the thread that built the part: (hash, company) pairs grouped by the top 10 bits of the hash,
 * in their order within a group (one counting and one scattering pass, where a full sort takes four). `allocate`
 * gives the result arrays (shared memory, for a sort that several threads finish).
 */
export function partitionByTopDigit(hashes: Uint32Array, companies: Uint32Array, allocate: (length: number) => Uint32Array = (length) => new Uint32Array(length)): { keyHashes: Uint32Array; keyCompanies: Uint32Array; keyBucketStarts: KeyBucketStarts } {
  const length = hashes.length;
  const starts = new Uint32Array(topBuckets + 1);
  for (let i = 0; i < length; i++) starts[((hashes[i] as number) >>> topShift) + 1]!++;
  for (let bucket = 1; bucket <= topBuckets; bucket++) starts[bucket]! += starts[bucket - 1] as number;
  const next = starts.slice(0, topBuckets);
  const keyHashes = allocate(length);
  const keyCompanies = allocate(length);
  for (let i = 0; i < length; i++) {
    const hash = hashes[i] as number;
    const bucket = hash >>> topShift;
    const target = next[bucket] as number;
    next[bucket] = target + 1;
    keyHashes[target] = hash;
    keyCompanies[target] = companies[i] as number;
  }
  return { keyHashes, keyCompanies, keyBucketStarts: starts };
}

/** The bucket starts of keys already sorted by hash (a sorted part is a partitioned one too). */
export function bucketStartsOfSorted(hashes: Uint32Array): KeyBucketStarts {
  const starts = new Uint32Array(topBuckets + 1);
  let position = 0;
  for (let bucket = 0; bucket < topBuckets; bucket++) {
    starts[bucket] = position;
    while (position < hashes.length && (hashes[position] as number) >>> topShift === bucket) position++;
  }
  starts[topBuckets] = hashes.length;
  return starts;
}

/** A part's partitioned keys, its companies numbered from companyBase in the whole index. */
export interface PartitionedKeys {
  keyHashes: Uint32Array;
  keyCompanies: Uint32Array;
  keyBucketStarts: KeyBucketStarts;
  companyBase: number;
}

/** Where bucket `bucket` of all parts' keys starts in the sorted whole. */
export function sortedBucketStart(parts: readonly PartitionedKeys[], bucket: number): number {
  let start = 0;
  for (const part of parts) start += part.keyBucketStarts[bucket] as number;
  return start;
}

/**
 * The second step, for buckets [fromBucket, toBucket) (threads can share the buckets): each bucket's keys read
 * from the parts in part order and sorted by the hash's low 22 bits (two stable passes, within the caches: a bucket
 * of 7M keys holds ~7,000), written where the bucket belongs in the target. The result is a stable sort of all
 * keys in row order, as sortByHash of one builder's keys gives.
 */
export function sortPartitionedBuckets(parts: readonly PartitionedKeys[], targetHashes: Uint32Array, targetCompanies: Uint32Array, fromBucket: number, toBucket: number): void {
  let largest = 0;
  for (let bucket = fromBucket; bucket < toBucket; bucket++) {
    let size = 0;
    for (const part of parts) size += (part.keyBucketStarts[bucket + 1] as number) - (part.keyBucketStarts[bucket] as number);
    largest = Math.max(largest, size);
  }
  const passHashes = new Uint32Array(largest);
  const passCompanies = new Uint32Array(largest);
  const counts = new Uint32Array(radixBuckets * 2);
  let out = sortedBucketStart(parts, fromBucket);
  for (let bucket = fromBucket; bucket < toBucket; bucket++) {
    counts.fill(0);
    let size = 0;
    for (const part of parts) {
      const hashes = part.keyHashes;
      const end = part.keyBucketStarts[bucket + 1] as number;
      for (let i = part.keyBucketStarts[bucket] as number; i < end; i++) {
        const hash = hashes[i] as number;
        counts[hash & radixMask]!++;
        counts[radixBuckets + ((hash >>> radixBits) & radixMask)]!++;
      }
      size += end - (part.keyBucketStarts[bucket] as number);
    }
    if (size === 0) continue;
    let low = 0;
    let middle = out;
    for (let digit = 0; digit < radixBuckets; digit++) {
      const lowCount = counts[digit] as number;
      counts[digit] = low;
      low += lowCount;
      const middleCount = counts[radixBuckets + digit] as number;
      counts[radixBuckets + digit] = middle;
      middle += middleCount;
    }
    // Low digit from the parts (in part order: stable) straight into the scratch, companies numbered across parts
    // (no gathered copy of the bucket first); then the middle digit into the target (positions from `out`).
    for (const part of parts) {
      const hashes = part.keyHashes;
      const companies = part.keyCompanies;
      const base = part.companyBase;
      const end = part.keyBucketStarts[bucket + 1] as number;
      for (let i = part.keyBucketStarts[bucket] as number; i < end; i++) {
        const hash = hashes[i] as number;
        const target = counts[hash & radixMask] as number;
        counts[hash & radixMask] = target + 1;
        passHashes[target] = hash;
        passCompanies[target] = base + (companies[i] as number);
      }
    }
    radixPass(passHashes.subarray(0, size), passCompanies.subarray(0, size), targetHashes, targetCompanies, counts, radixBuckets, radixBits);
    out += size;
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
