/**
 * A set of audience members as a sorted, duplicate-free Uint32Array of member keys (integers the database assigns
 * per organisation, see migration 0500). Packed little-endian into a byte string for storage: reading two 1M-member
 * sets from the database and merging them takes milliseconds, where a JS Set of 1M strings takes over a second.
 */
export type MemberSet = Uint32Array;

export const EMPTY_MEMBER_SET: MemberSet = new Uint32Array(0);

/** Sorts and removes duplicates (input order does not matter). */
export function toMemberSet(keys: Iterable<number>): MemberSet {
  const sorted = Uint32Array.from(keys).sort();
  let write = 0;
  for (let read = 0; read < sorted.length; read += 1) {
    const key = sorted[read] as number;
    if (write === 0 || sorted[write - 1] !== key) {
      sorted[write] = key;
      write += 1;
    }
  }
  return sorted.subarray(0, write);
}

/** Bytes for a bytea column (little-endian uint32, the native order of every platform openabm runs on). */
export function packMemberSet(set: MemberSet): Uint8Array {
  const copy = new Uint32Array(set);
  return new Uint8Array(copy.buffer, 0, copy.byteLength);
}

/** Reads packMemberSet's bytes back; refuses a length that is not a multiple of 4 (a truncated value). */
export function unpackMemberSet(bytes: Uint8Array | null | undefined): MemberSet {
  if (!bytes || bytes.byteLength === 0) return EMPTY_MEMBER_SET;
  if (bytes.byteLength % 4 !== 0) throw new Error(`A member set is ${bytes.byteLength} bytes long, not a multiple of 4.`);
  const aligned = new Uint8Array(bytes.byteLength);
  aligned.set(bytes);
  return new Uint32Array(aligned.buffer);
}

/** Members of `left` that are not in `right`, both sorted (one linear merge). */
export function difference(left: MemberSet, right: MemberSet): MemberSet {
  const out = new Uint32Array(left.length);
  let count = 0;
  let j = 0;
  for (let i = 0; i < left.length; i += 1) {
    const key = left[i] as number;
    while (j < right.length && (right[j] as number) < key) j += 1;
    if (j >= right.length || right[j] !== key) {
      out[count] = key;
      count += 1;
    }
  }
  return out.subarray(0, count);
}

/** Members in both sorted sets. */
export function intersection(left: MemberSet, right: MemberSet): MemberSet {
  const out = new Uint32Array(Math.min(left.length, right.length));
  let count = 0;
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const a = left[i] as number;
    const b = right[j] as number;
    if (a === b) {
      out[count] = a;
      count += 1;
      i += 1;
      j += 1;
    } else if (a < b) i += 1;
    else j += 1;
  }
  return out.subarray(0, count);
}

/** Members in either sorted set. */
export function union(left: MemberSet, right: MemberSet): MemberSet {
  const out = new Uint32Array(left.length + right.length);
  let count = 0;
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    const a = i < left.length ? (left[i] as number) : Number.POSITIVE_INFINITY;
    const b = j < right.length ? (right[j] as number) : Number.POSITIVE_INFINITY;
    const next = a <= b ? a : b;
    if (a === next) i += 1;
    if (b === next) j += 1;
    out[count] = next;
    count += 1;
  }
  return out.subarray(0, count);
}

/** Consecutive slices of at most `size` members (batches at a channel's limit). */
export function chunkMemberSet(set: MemberSet, size: number): MemberSet[] {
  if (size < 1) throw new Error('A batch holds at least one member.');
  const chunks: MemberSet[] = [];
  for (let start = 0; start < set.length; start += size) chunks.push(set.subarray(start, start + size));
  return chunks;
}
