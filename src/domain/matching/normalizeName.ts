import { foldText } from './foldText';
import { legalFormPhrases } from './legalForms.generated';
import { commonLegalForms, leadingLegalForms, tokenSynonyms } from './nameVocabulary';

/**
 * Bumped whenever normalizeName gives other keys for the same names: an index built (or a snapshot saved) with an
 * earlier version no longer matches what the matcher looks up. 2: SEC markers, list annotations, joined initials.
 */
export const nameNormalizationVersion = 2;

export interface NormalizedName {
  /** Tokens without legal form, "The" or "and", canonical spellings: "The Kestrel & Sons, Ltd." → ["kestrel", "sons"]. */
  tokens: string[];
  /** tokens joined by spaces: idempotent, normalizeName(key).key === key. */
  key: string;
  /** tokens joined without spaces, so "Blue Peak" and "BluePeak" meet. */
  compact: string;
  /**
   * A legal form was removed ("Deluxe Corp"): the name is presented as a registered name, so words a candidate has
   * beyond it are a difference, not the rest of a legal name a brand leaves out ("Toyota" / "Toyota Motor Corporation").
   */
  hasLegalForm: boolean;
}

const maxPhraseTokens = 6;

function buildPhraseSet(phrases: readonly string[]): ReadonlySet<string> {
  return new Set(phrases.map((phrase) => phrase.trim()).filter((phrase) => phrase.length > 0));
}
/** Phrases as a tree of words read from the name's edge inwards: one map lookup per word, no phrase strings built. */
interface PhraseNode {
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
const trailingForms = buildPhraseTree(buildPhraseSet([...legalFormPhrases, ...commonLegalForms]), true);
const leadingForms = buildPhraseTree(buildPhraseSet(leadingLegalForms), false);

// A Map, not the object itself: an object lookup would find "constructor" or "toString" on Object.prototype.
const synonyms = new Map(Object.entries(tokenSynonyms));
// Lengths of the words that have a synonym: most words are longer, and skip the lookup.
const synonymLengths = new Uint8Array(256);
for (const word of synonyms.keys()) synonymLengths[Math.min(255, word.length)] = 1;

function canonicalWord(word: string): string {
  if (word.length > 255 || synonymLengths[word.length] === 0) return word;
  return synonyms.get(word) ?? word;
}

// eslint-disable-next-line no-control-regex -- the ASCII range includes control characters on purpose
const asciiOnly = /^[\x00-\x7f]*$/;

/**
 * Folded, canonical words of a name, before legal forms are removed: accents and case folded, "&"/"+" → "and",
 * apostrophes and dots dropped ("S.p.A." → "spa", "O'Neil" → "oneil"), web suffixes dropped ("Amazon.com" → "amazon"),
 * other punctuation splits words, abbreviations canonical ("Intl" → "international").
 */
export function nameWords(raw: string): string[] {
  const fast = asciiNameWords(raw);
  if (fast) return fast;
  const text = foldText(raw)
    .replace(/(?<=[\p{L}\p{N}])\.(?:com|net|org|io|co|ai)(?![\p{L}\p{N}])/gu, '')
    .replace(/[&+]/g, ' and ')
    .replace(/(?<=\p{L})\/(?=\p{L})/gu, '')
    .replace(/['’`´.]/g, '');
  const words: string[] = [];
  for (const word of text.split(/[^\p{L}\p{N}]+/u)) {
    if (word.length === 0) continue;
    words.push(canonicalWord(word));
  }
  return words;
}

const webSuffixes = ['com', 'net', 'org', 'io', 'co', 'ai'];

function isAsciiWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/**
 * nameWords for plain-ASCII names in one pass without regular expressions (the index normalises a million names;
 * this is ~5x faster). Returns undefined for other text, which takes the general path. Same output by construction:
 * the property test compares both paths.
 */
function asciiNameWords(raw: string): string[] | undefined {
  const length = raw.length;
  if (!asciiOnly.test(raw)) return undefined;
  const text = raw.toLowerCase();
  const words: string[] = [];
  let wordStart = -1;
  let word = '';
  // The character before this one once web suffixes are dropped (what the general path's "/" rule looks at).
  let previous = -1;
  for (let i = 0; i <= length; i++) {
    const code = i < length ? text.charCodeAt(i) : 32;
    if (isAsciiWordCode(code)) {
      if (wordStart < 0) wordStart = i;
      previous = code;
      continue;
    }
    // A run of word characters ends here: add it to the word (dots and apostrophes join runs: "S.p.A." → "spa").
    if (wordStart >= 0) {
      word += text.slice(wordStart, i);
      wordStart = -1;
    }
    if (code === 46 /* . */ && i > 0 && isAsciiWordCode(text.charCodeAt(i - 1))) {
      // "amazon.com" → "amazon": a web suffix after a letter or digit, ending the word.
      const suffixLength = webSuffixLength(text, i + 1);
      if (suffixLength > 0) {
        i += suffixLength;
        continue;
      }
    }
    const before = previous;
    previous = code;
    if (code === 46 || code === 39 || code === 96 /* . ' ` */) continue;
    // "A/S" → "as": a slash between letters joins them.
    if (code === 47 /* / */ && isAsciiLetter(before) && isAsciiLetter(text.charCodeAt(i + 1))) continue;
    if (word.length > 0) {
      words.push(canonicalWord(word));
      word = '';
    }
    if (code === 38 || code === 43 /* & + */) {
      words.push('and');
      previous = 32;
    }
  }
  return words;
}

function webSuffixLength(text: string, start: number): number {
  for (const suffix of webSuffixes) {
    if (text.startsWith(suffix, start) && !isAsciiWordCode(text.charCodeAt(start + suffix.length))) return suffix.length;
  }
  return 0;
}

function isAsciiLetter(code: number): boolean {
  return code >= 97 && code <= 122;
}

// Registry markers after a name: SEC EDGAR's state of incorporation or history ("BRIGHTWATER HOLDINGS CORP /DE/",
// "KESTREL FOODS CO /NEW/", "RIVIAN AUTOMOTIVE, INC. / DE", "…INC/MD"): a slash-delimited code of 2-5 letters at the
// end, after a space or directly after a legal form. "Nordisk A/S" (one letter after the slash) is not one.
const registryMarker = /(?:\s+|(?<=\b(?:inc|corp|co|ltd|llc|lp|plc|trust|fund|bancorp|company)\.?))\/\s*[a-z]{2,5}\s*\/?\s*$/i;
// Annotations lists put in brackets after a name: "Kestrel Foods (The)", "Orbital Data (Class A)", "Volkswagen (Pref)",
// "Mercedes-Benz Group (ex Daimler)", "Acme Corp (ADR)". Other bracketed text ("Acme (Europe)") is kept.
const bracketAnnotation = /\s*[([]\s*(?:the|class\s+[a-z0-9]|series\s+[a-z0-9]|cl\s+[a-z]|new|old|pref|preferred|vz|ord|ordinary(?:\s+shares)?|common(?:\s+stock)?|ads|adr|gdr|reit|units?|holding company|ex\s+[^)\]]*|formerly\s+[^)\]]*|fka\s+[^)\]]*)\s*[)\]]\s*$/i;

/**
 * A name without the registry markers and list annotations that say nothing about which company it is (SEC EDGAR
 * "/DE/" and "INC/MD" markers, "(The)", "(Class A)"), repeated while one is found ("ACME CORP /NEW/ /DE/").
 */
export function stripNameAnnotations(raw: string): string {
  let text = raw;
  for (let round = 0; round < 4; round++) {
    const stripped = text.replace(registryMarker, '').replace(bracketAnnotation, '');
    if (stripped === text) break;
    text = stripped;
  }
  return text;
}

/** The legal-form-free tokens of a company name, or null when nothing is left (blank, punctuation only). */
export function normalizeName(raw: string | null | undefined): NormalizedName | null {
  if (raw === null || raw === undefined) return null;
  let tokens = nameWords(raw.includes('/') || raw.includes('(') || raw.includes('[') ? stripNameAnnotations(raw) : raw);
  if (tokens.length === 0) return null;
  // The tokens kept are tokens[start, end): stripping a word off either edge moves an end, no array is copied.
  let start = 0;
  let end = tokens.length;
  let hasLegalForm = false;
  // Repeat until nothing changes, so the result is a fixed point (normalising it again changes nothing).
  for (;;) {
    const before = end - start;
    // Rare steps that rewrite the words ("and" dropped, initials joined) work on a copy of the kept ones.
    if (end - start > 1 && hasWord(tokens, start, end, 'and')) {
      const withoutAnd: string[] = [];
      for (let position = start; position < end; position++) if (tokens[position] !== 'and') withoutAnd.push(tokens[position] ?? '');
      if (withoutAnd.length > 0) {
        tokens = withoutAnd;
        start = 0;
        end = tokens.length;
      }
    }
    if (hasInitialsRun(tokens, start, end)) {
      tokens = joinInitials(tokens.slice(start, end));
      start = 0;
      end = tokens.length;
    }
    if (end - start > 1 && tokens[start] === 'the') start++;
    if (end - start > 1) {
      const length = longestPhrase(tokens, start, end, leadingForms, false);
      if (length > 0) {
        start += length;
        hasLegalForm = true;
      }
    }
    if (end - start > 1) {
      const length = longestPhrase(tokens, start, end, trailingForms, true);
      if (length > 0) {
        end -= length;
        hasLegalForm = true;
      }
    }
    if (end - start === before) break;
  }
  if (start !== 0 || end !== tokens.length) tokens = tokens.slice(start, end);
  return { tokens, key: tokens.join(' '), compact: tokens.join(''), hasLegalForm };
}

function hasWord(tokens: readonly string[], start: number, end: number, word: string): boolean {
  for (let position = start; position < end; position++) if (tokens[position] === word) return true;
  return false;
}

/** Two single letters in a row among tokens[start, end) (what joinInitials joins). */
function hasInitialsRun(tokens: readonly string[], start: number, end: number): boolean {
  for (let position = start + 1; position < end; position++) if (isSingleLetter(tokens[position]) && isSingleLetter(tokens[position - 1])) return true;
  return false;
}

/**
 * Runs of single letters joined into one word, so that initials meet however they are written: "J. K. Lawson",
 * "J.K. Lawson" and registries' inverted "LAWSON J K TRANSPORT" all have the word "jk"; "P L C" → "plc".
 */
export function joinInitials(tokens: string[]): string[] {
  let hasRun = false;
  for (let position = 1; position < tokens.length; position++) {
    if (isSingleLetter(tokens[position]) && isSingleLetter(tokens[position - 1])) {
      hasRun = true;
      break;
    }
  }
  if (!hasRun) return tokens;
  const joined: string[] = [];
  let previousWasLetter = false;
  for (const token of tokens) {
    const isLetter = isSingleLetter(token);
    if (isLetter && previousWasLetter) joined[joined.length - 1] += token;
    else joined.push(token);
    previousWasLetter = isLetter;
  }
  // Joined letters may spell an abbreviation ("B K" → "bk" → "bank"), as "B.K." does.
  return joined.map(canonicalWord);
}

function isSingleLetter(token: string | undefined): boolean {
  return token !== undefined && token.length === 1 && token >= 'a' && token <= 'z';
}

/** Tokens in the longest phrase of `phrases` at the end (or start) of tokens[start, end), leaving at least one token; 0 if none. */
function longestPhrase(tokens: readonly string[], start: number, end: number, phrases: ReadonlyMap<string, PhraseNode>, isAtEnd: boolean): number {
  const limit = Math.min(maxPhraseTokens, end - start - 1);
  let longest = 0;
  let level: ReadonlyMap<string, PhraseNode> = phrases;
  for (let length = 1; length <= limit; length++) {
    const node = level.get((isAtEnd ? tokens[end - length] : tokens[start + length - 1]) ?? '');
    if (!node) break;
    if (node.isPhrase) longest = length;
    level = node.next;
  }
  return longest;
}
