import { foldText } from './foldText';
import { canonicalWord, isSingleLetter, leadingForms, longestPhrase, trailingForms, wordFlag } from './nameForms';
import { scanned, scanNameWords } from './scanNameWords';

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

/**
 * Folded, canonical words of a name, before legal forms are removed: accents and case folded, "&"/"+" → "and",
 * apostrophes and dots dropped ("S.p.A." → "spa", "O'Neil" → "oneil"), web suffixes dropped ("Amazon.com" → "amazon"),
 * other punctuation splits words, abbreviations canonical ("Intl" → "international").
 */
export function nameWords(raw: string): string[] {
  return scanNameWords(raw) ?? generalNameWords(raw);
}

/** nameWords by its definition: foldText, then regular expressions (what scanNameWords gives in one pass for Latin text). */
export function generalNameWords(raw: string): string[] {
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
  let tokens = scanNameWords(raw);
  const scannedTokens = tokens;
  // Most names have nothing the loop below removes: the scan says so from the words it read.
  let needsLoop = scanned.needsLegalFormLoop;
  if (tokens === undefined || scanned.hasAnnotationCharacter) {
    tokens = nameWords(raw.includes('/') || raw.includes('(') || raw.includes('[') ? stripNameAnnotations(raw) : raw);
    needsLoop = true;
  }
  if (tokens.length === 0) return null;
  if (!needsLoop) return normalizedName(tokens, false);
  if (!scanned.needsRewrite && tokens === scannedTokens) return withoutEdgeForms(tokens, scanned.flags);
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
  return normalizedName(tokens, hasLegalForm);
}

/**
 * The legal-form loop below for scanned words with no "and" and no initials (none appear as words are stripped off
 * the edges): "the" and legal forms stripped while found, looking a phrase up only when the scan marked its edge word.
 */
function withoutEdgeForms(tokens: string[], flags: Uint8Array): NormalizedName {
  stripEdgeForms(tokens, flags, tokens.length);
  const { start, end, hasLegalForm } = edgeFormsStripped;
  if (start > 0) return normalizedName(tokens.slice(start, end), hasLegalForm);
  // The scan's own array: shortened in place.
  while (tokens.length > end) tokens.pop();
  return normalizedName(tokens, hasLegalForm);
}

/** What the last stripEdgeForms call kept: words [start, end), and whether a legal form was stripped. */
export const edgeFormsStripped = { start: 0, end: 0, hasLegalForm: false };

/**
 * The legal-form loop of withoutEdgeForms over words [0, count) with their wordFlags (scanned.flags or
 * scannedBytes.flags), into edgeFormsStripped: only words with a wordFlags bit are read from `tokens`.
 */
export function stripEdgeForms(tokens: readonly string[], flags: Uint8Array, count: number): void {
  let start = 0;
  let end = count;
  let hasLegalForm = false;
  for (;;) {
    const before = end - start;
    if (end - start > 1 && ((flags[start] ?? 0) & wordFlag.the) !== 0) start++;
    if (end - start > 1 && ((flags[start] ?? 0) & wordFlag.leadingForm) !== 0) {
      const length = longestPhrase(tokens, start, end, leadingForms, false, flags);
      if (length > 0) {
        start += length;
        hasLegalForm = true;
      }
    }
    if (end - start > 1 && ((flags[end - 1] ?? 0) & wordFlag.trailingForm) !== 0) {
      const length = longestPhrase(tokens, start, end, trailingForms, true, flags);
      if (length > 0) {
        end -= length;
        hasLegalForm = true;
      }
    }
    if (end - start === before) break;
  }
  edgeFormsStripped.start = start;
  edgeFormsStripped.end = end;
  edgeFormsStripped.hasLegalForm = hasLegalForm;
}

function normalizedName(tokens: string[], hasLegalForm: boolean): NormalizedName {
  if (tokens.length === 1) {
    const only = tokens[0] ?? '';
    return { tokens, key: only, compact: only, hasLegalForm };
  }
  // The key is built by concatenation, which joins the pieces only when the text is read (few callers read it); the
  // compact form, which the index and the matcher hash at once, in one piece.
  let key = tokens[0] ?? '';
  for (let position = 1; position < tokens.length; position++) key += ` ${tokens[position] ?? ''}`;
  return { tokens, key, compact: tokens.join(''), hasLegalForm };
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
