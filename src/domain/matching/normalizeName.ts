import { foldText } from './foldText';
import { legalFormPhrases } from './legalForms.generated';
import { commonLegalForms, leadingLegalForms, tokenSynonyms } from './nameVocabulary';

export interface NormalizedName {
  /** Tokens without legal form, "The" or "and", canonical spellings: "The Kestrel & Sons, Ltd." → ["kestrel", "sons"]. */
  tokens: string[];
  /** tokens joined by spaces: idempotent, normalizeName(key).key === key. */
  key: string;
  /** tokens joined without spaces, so "Blue Peak" and "BluePeak" meet. */
  compact: string;
}

const maxPhraseTokens = 6;

function buildPhraseSet(phrases: readonly string[]): ReadonlySet<string> {
  return new Set(phrases.map((phrase) => phrase.trim()).filter((phrase) => phrase.length > 0));
}
const trailingForms = buildPhraseSet([...legalFormPhrases, ...commonLegalForms]);
const leadingForms = buildPhraseSet(leadingLegalForms);

/**
 * Folded, canonical words of a name, before legal forms are removed: accents and case folded, "&"/"+" → "and",
 * apostrophes and dots dropped ("S.p.A." → "spa", "O'Neil" → "oneil"), web suffixes dropped ("Amazon.com" → "amazon"),
 * other punctuation splits words, abbreviations canonical ("Intl" → "international").
 */
export function nameWords(raw: string): string[] {
  const text = foldText(raw)
    .replace(/(\p{L}|\d)\.(com|net|org|io|co|ai)\b/gu, '$1')
    .replace(/[&+]/g, ' and ')
    .replace(/['’`´.]/g, '')
    .replace(/(\p{L})\/(\p{L})/gu, '$1$2');
  const words: string[] = [];
  for (const word of text.split(/[^\p{L}\p{N}]+/u)) {
    if (word.length === 0) continue;
    words.push(tokenSynonyms[word] ?? word);
  }
  return words;
}

/** The legal-form-free tokens of a company name, or null when nothing is left (blank, punctuation only). */
export function normalizeName(raw: string | null | undefined): NormalizedName | null {
  if (raw === null || raw === undefined) return null;
  let tokens = nameWords(raw);
  if (tokens.length === 0) return null;
  // Repeat until nothing changes, so the result is a fixed point (normalising it again changes nothing).
  for (;;) {
    const before = tokens.length;
    tokens = stripOnce(tokens);
    if (tokens.length === before) break;
  }
  const key = tokens.join(' ');
  return { tokens, key, compact: tokens.join('') };
}

function stripOnce(tokens: string[]): string[] {
  let result = tokens;
  const withoutAnd = result.filter((token) => token !== 'and');
  if (withoutAnd.length > 0) result = withoutAnd;
  if (result.length > 1 && result[0] === 'the') result = result.slice(1);
  if (result.length > 1) {
    for (let length = Math.min(maxPhraseTokens, result.length - 1); length >= 1; length--) {
      if (leadingForms.has(result.slice(0, length).join(' '))) {
        result = result.slice(length);
        break;
      }
    }
  }
  if (result.length > 1) {
    for (let length = Math.min(maxPhraseTokens, result.length - 1); length >= 1; length--) {
      if (trailingForms.has(result.slice(result.length - length).join(' '))) {
        result = result.slice(0, result.length - length);
        break;
      }
    }
  }
  return result;
}
