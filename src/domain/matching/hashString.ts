/** FNV-1a over UTF-16 code units, 32 bits: the index key hash. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  // Final avalanche (murmur3 fmix32) so that keys differing in the last character spread over all buckets.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** A second, independent 32-bit hash: with hashString it makes a 64-bit fingerprint for exact-domain checks. */
export function checkHash(text: string): number {
  return hashString(text, 0x9747b28c);
}

/** hashString(prefix + text) without building the concatenated string (the index hashes millions of keys). */
export function hashKey(prefix: string, text: string): number {
  let hash = 0x811c9dc5;
  hash ^= prefix.charCodeAt(0);
  hash = Math.imul(hash, 0x01000193);
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** hashKey('b', `${left} ${right}`) (an adjacent-word-pair key) without building the pair. */
export function hashPair(left: string, right: string): number {
  let hash = 0x811c9dc5;
  hash ^= 98; // 'b'
  hash = Math.imul(hash, 0x01000193);
  for (let i = 0; i < left.length; i++) {
    hash ^= left.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= 32;
  hash = Math.imul(hash, 0x01000193);
  for (let i = 0; i < right.length; i++) {
    hash ^= right.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return finishHash(hash);
}

/** hashKey(prefix, text.slice(start, end)) without the slice. */
export function hashKeyRange(prefix: string, text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  hash ^= prefix.charCodeAt(0);
  hash = Math.imul(hash, 0x01000193);
  for (let i = start; i < end; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return finishHash(hash);
}

/** hashKeyRange(prefix, text, start, end) of the range with every `skipped` code unit left out ("acme-labs" → "acmelabs"), without the copy. */
export function hashKeyRangeSkipping(prefix: string, text: string, start: number, end: number, skipped: number): number {
  let hash = 0x811c9dc5;
  hash ^= prefix.charCodeAt(0);
  hash = Math.imul(hash, 0x01000193);
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === skipped) continue;
    hash ^= code;
    hash = Math.imul(hash, 0x01000193);
  }
  return finishHash(hash);
}

function finishHash(value: number): number {
  let hash = value;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** hashKeyRange(prefix, text, …) of text whose code units are codes[start, end) (ASCII read from bytes). */
export function hashKeyCodes(prefix: string, codes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5;
  hash ^= prefix.charCodeAt(0);
  hash = Math.imul(hash, 0x01000193);
  for (let i = start; i < end; i++) {
    hash ^= codes[i] as number;
    hash = Math.imul(hash, 0x01000193);
  }
  return finishHash(hash);
}

/** hashPair of the words codes[leftStart, leftEnd) and codes[leftEnd, rightEnd) (adjacent in the array). */
export function hashPairCodes(codes: Uint8Array, leftStart: number, leftEnd: number, rightEnd: number): number {
  let hash = 0x811c9dc5;
  hash ^= 98; // 'b'
  hash = Math.imul(hash, 0x01000193);
  for (let i = leftStart; i < leftEnd; i++) {
    hash ^= codes[i] as number;
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= 32;
  hash = Math.imul(hash, 0x01000193);
  for (let i = leftEnd; i < rightEnd; i++) {
    hash ^= codes[i] as number;
    hash = Math.imul(hash, 0x01000193);
  }
  return finishHash(hash);
}
