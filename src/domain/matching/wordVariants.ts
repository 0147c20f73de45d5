import type { MasterIndex } from './masterIndex';
import { boundedEditDistance } from './similarity';

/**
 * The master's words one edit away from a word it does not know ("advisers" → "advisors"), so that a spelling
 * variant still reaches the companies spelled the other way. One edit leaves the first two or the last two letters
 * in place, so the vocabulary is bucketed by both and by length (built once per index, on the first unknown word).
 */
export class WordVariants {
  private byHead: Map<string, number[]> | null = null;
  private byTail: Map<string, number[]> | null = null;

  constructor(private readonly wordTexts: readonly string[]) {}

  /** Word ids one edit (insertion, deletion, substitution or transposition) from `word`, up to `limit`; none for words under 4 letters. */
  find(word: string, limit: number): number[] {
    if (word.length < minLength) return [];
    if (!this.byHead || !this.byTail) this.build();
    const found: number[] = [];
    const head = word.slice(0, 2);
    const tail = word.slice(-2);
    const isNumeric = hasDigit(word);
    for (let length = word.length - 1; length <= word.length + 1; length++) {
      for (const [buckets, edge] of [
        [this.byHead, head],
        [this.byTail, tail],
      ] as const) {
        for (const id of buckets?.get(`${length}:${edge}`) ?? []) {
          const text = this.wordTexts[id] ?? '';
          if (found.includes(id) || hasDigit(text) !== isNumeric || boundedEditDistance(word, text, 1) !== 1) continue;
          found.push(id);
          if (found.length === limit) return found;
        }
      }
    }
    return found;
  }

  private build(): void {
    const byHead = new Map<string, number[]>();
    const byTail = new Map<string, number[]>();
    this.wordTexts.forEach((text, id) => {
      if (text.length < minLength - 1) return;
      append(byHead, `${text.length}:${text.slice(0, 2)}`, id);
      append(byTail, `${text.length}:${text.slice(-2)}`, id);
    });
    this.byHead = byHead;
    this.byTail = byTail;
  }
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

function append(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

function hasDigit(text: string): boolean {
  return /\d/.test(text);
}
