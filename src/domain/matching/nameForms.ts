import { legalFormPhrases } from './legalForms.generated';
import { commonLegalForms, leadingLegalForms, tokenSynonyms } from './nameVocabulary';

// The word tables normalizeName reads: canonical spellings and legal-form phrases (shared with scanNameWords, which
// describes each word it reads by them once and remembers it).

export const maxPhraseTokens = 6;

function buildPhraseSet(phrases: readonly string[]): ReadonlySet<string> {
  return new Set(phrases.map((phrase) => phrase.trim()).filter((phrase) => phrase.length > 0));
}

/** Phrases as a tree of words read from the name's edge inwards: one map lookup per word, no phrase strings built. */
export interface PhraseNode {
  /** The words from the edge to here are a whole phrase. */
  isPhrase: boolean;
  next: Map<string, PhraseNode>;
}

function buildPhraseTree(phrases: ReadonlySet<string>, isFromEnd: boolean): Map<string, PhraseNode> {
  const roots = new Map<string, PhraseNode>();
  for (const phrase of phrases) {
    const words = phrase.split(' ');
    if (isFromEnd) words.reverse();
    let level = roots;
    let node: PhraseNode | undefined;
    for (const word of words) {
      node = level.get(word);
      if (!node) {
        node = { isPhrase: false, next: new Map() };
        level.set(word, node);
      }
      level = node.next;
    }
    if (node) node.isPhrase = true;
  }
  return roots;
}

// Read from the last word (trailing forms) or the first (leading forms): most names end in no legal form word, and
// one lookup says so.
export const trailingForms = buildPhraseTree(buildPhraseSet([...legalFormPhrases, ...commonLegalForms]), true);
export const leadingForms = buildPhraseTree(buildPhraseSet(leadingLegalForms), false);

// A Map, not the object itself: an object lookup would find "constructor" or "toString" on Object.prototype.
const synonyms = new Map(Object.entries(tokenSynonyms));
// Lengths of the words that have a synonym: most words are longer, and skip the lookup.
const synonymLengths = new Uint8Array(256);
for (const word of synonyms.keys()) synonymLengths[Math.min(255, word.length)] = 1;

/** The canonical spelling of a folded word ("intl" → "international"); the word itself when it has none. */
export function canonicalWord(word: string): string {
  if (word.length > 255 || synonymLengths[word.length] === 0) return word;
  return synonyms.get(word) ?? word;
}

/**
 * Tokens in the longest phrase of `phrases` at the end (or start) of tokens[start, end), leaving at least one token; 0
 * if none. With the tokens' wordFlags, a word past the edge is looked up only if it is in some phrase (wordFlag.inPhrase).
 */
export function longestPhrase(tokens: readonly string[], start: number, end: number, phrases: ReadonlyMap<string, PhraseNode>, isAtEnd: boolean, flags?: Uint8Array): number {
  const limit = Math.min(maxPhraseTokens, end - start - 1);
  let longest = 0;
  let level: ReadonlyMap<string, PhraseNode> = phrases;
  for (let length = 1; length <= limit; length++) {
    const position = isAtEnd ? end - length : start + length - 1;
    if (length > 1 && flags && ((flags[position] ?? 0) & wordFlag.inPhrase) === 0) break;
    const node = level.get(tokens[position] ?? '');
    if (!node) break;
    if (node.isPhrase) longest = length;
    level = node.next;
  }
  return longest;
}

export function isSingleLetter(token: string | undefined): boolean {
  return token !== undefined && token.length === 1 && token >= 'a' && token <= 'z';
}

/** What normalizeName's legal-form loop looks for in a canonical word (wordFlags), one bit each. */
export const wordFlag = { and: 1, the: 2, singleLetter: 4, leadingForm: 8, trailingForm: 16, inPhrase: 32 } as const;

/** The words of the phrases past their edge word (the second word from the edge on). */
function innerWordsOf(level: ReadonlyMap<string, PhraseNode>, words: Set<string>, isEdge: boolean): Set<string> {
  for (const [word, node] of level) {
    if (!isEdge) words.add(word);
    innerWordsOf(node.next, words, false);
  }
  return words;
}

const innerPhraseWords = innerWordsOf(leadingForms, innerWordsOf(trailingForms, new Set(), true), true);

/** The wordFlag bits of a canonical word: whether it is "and" or "the", a single letter, or the edge word of a legal form. */
export function wordFlags(word: string): number {
  return (
    (word === 'and' ? wordFlag.and : 0) |
    (word === 'the' ? wordFlag.the : 0) |
    (isSingleLetter(word) ? wordFlag.singleLetter : 0) |
    (leadingForms.has(word) ? wordFlag.leadingForm : 0) |
    (trailingForms.has(word) ? wordFlag.trailingForm : 0) |
    (innerPhraseWords.has(word) ? wordFlag.inPhrase : 0)
  );
}

/**
 * Every word whose canonical spelling differs from it or has a wordFlags bit: the synonyms' words, "and", "the", the
 * single letters and the words of legal forms. Any other word is its own canonical spelling and has no flag.
 */
export function specialWords(): string[] {
  const words = new Set<string>([...synonyms.keys(), 'and', 'the', ...'abcdefghijklmnopqrstuvwxyz', ...leadingForms.keys(), ...trailingForms.keys(), ...innerPhraseWords]);
  return [...words];
}
