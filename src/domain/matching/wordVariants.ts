import type { MasterIndex } from './masterIndex';
import { isOneEditAway } from './similarity';

/**
 * The master's words one edit away from a word it does not know ("advisers" → "advisors"), so that a spelling
 * variant still reaches the companies spelled the other way. One edit leaves the first two or the last two letters
 * in place, so the vocabulary is bucketed by both and by length (built once per index, on the first unknown word).
 * A bucket's words all have the same length: they are kept written one after the other in one string, so a lookup
 * reads one run of memory instead of a string per word.
 */
export class WordVariants {
  private byHead: Map<number, Bucket> | null = null;
  private byTail: Map<number, Bucket> | null = null;

  constructor(private readonly wordTexts: readonly string[]) {}

  /** Word ids one edit (insertion, deletion, substitution or transposition) from `word`, up to `limit`; none for words under 4 letters. */
  find(word: string, limit: number): number[] {
    if (word.length < minLength) return [];
    if (!this.byHead || !this.byTail) this.build();
    const found: number[] = [];
    const head = pairCode(word.charCodeAt(0), word.charCodeAt(1));
    const tail = pairCode(word.charCodeAt(word.length - 2), word.charCodeAt(word.length - 1));
    const isNumeric = hasDigitIn(word, 0, word.length);
    for (let length = word.length - 1; length <= word.length + 1; length++) {
      if (collect(this.byHead?.get(bucketKey(length, head)), length, word, isNumeric, found, limit)) return found;
      if (collect(this.byTail?.get(bucketKey(length, tail)), length, word, isNumeric, found, limit)) return found;
    }
    return found;
  }

  private build(): void {
    const headIds = new Map<number, number[]>();
    const tailIds = new Map<number, number[]>();
    this.wordTexts.forEach((text, id) => {
      if (text.length < minLength - 1) return;
      append(headIds, bucketKey(text.length, pairCode(text.charCodeAt(0), text.charCodeAt(1))), id);
      append(tailIds, bucketKey(text.length, pairCode(text.charCodeAt(text.length - 2), text.charCodeAt(text.length - 1))), id);
    });
    this.byHead = bucketsOf(headIds, this.wordTexts);
    this.byTail = bucketsOf(tailIds, this.wordTexts);
  }
}

/** Words of one length, in id order: their ids, and their texts one after the other. */
interface Bucket {
  ids: Int32Array;
  texts: string;
}

function bucketsOf(idsByKey: ReadonlyMap<number, number[]>, wordTexts: readonly string[]): Map<number, Bucket> {
  const buckets = new Map<number, Bucket>();
  for (const [key, ids] of idsByKey) buckets.set(key, { ids: Int32Array.from(ids), texts: ids.map((id) => wordTexts[id] ?? '').join('') });
  return buckets;
}

/** Adds the bucket's words one edit from `word` to `found`; true once `limit` are found. */
function collect(bucket: Bucket | undefined, length: number, word: string, isNumeric: boolean, found: number[], limit: number): boolean {
  if (!bucket) return false;
  const { ids, texts } = bucket;
  for (let position = 0; position < ids.length; position++) {
    const start = position * length;
    if (!isOneEditAway(word, texts, start, length)) continue;
    const id = ids[position] ?? 0;
    if (found.includes(id) || hasDigitIn(texts, start, length) !== isNumeric) continue;
    found.push(id);
    if (found.length === limit) return true;
  }
  return false;
}

/** Two UTF-16 code units as one number (what the buckets were keyed by as text: the first or last two letters). */
function pairCode(first: number, second: number): number {
  return first * 65_536 + second;
}

/** A word length and a letter pair as one number key (exact: length * 2^32 stays below 2^53). */
function bucketKey(length: number, pair: number): number {
  return length * 4_294_967_296 + pair;
}

const minLength = 4;
const variantsByIndex = new WeakMap<MasterIndex, WordVariants>();

/** The index's WordVariants, shared by every matcher over it. */
export function wordVariantsOf(index: MasterIndex): WordVariants {
  let variants = variantsByIndex.get(index);
  if (!variants) {
    variants = new WordVariants(index.wordTexts);
    variantsByIndex.set(index, variants);
  }
  return variants;
}

function append(map: Map<number, number[]>, key: number, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

function hasDigitIn(text: string, start: number, length: number): boolean {
  for (let i = start; i < start + length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}
