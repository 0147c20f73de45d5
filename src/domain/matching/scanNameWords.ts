import { foldText } from './foldText';
import { canonicalWord, specialWords, wordFlag, wordFlags } from './nameForms';

// nameWords in one pass over the characters, without regular expressions: the index normalises a million names and
// every matched row one. Each word is read into a small buffer and hashed as it is read; one probe of a small table
// says whether it is a word with a canonical spelling or one normalizeName's legal-form loop looks for (and which),
// so that most words cost one cut string and no map lookup. Names in other scripts than Latin take the general path.

/** What the last scanNameWords call saw besides its words (kept here, not in an object per call). */
export const scanned = {
  /** The words hold something normalizeName's legal-form loop may remove: "and", initials, "the" or a legal form at an edge. */
  needsLegalFormLoop: false,
  /** The words hold "and" or two single letters in a row (words the loop rewrites, not only strips off the edges). */
  needsRewrite: false,
  /** The text has "/", "(" or "[" (what stripNameAnnotations looks for). */
  hasAnnotationCharacter: false,
  /** flags[i]: the wordFlags of word i (valid until the next call). */
  flags: new Uint8Array(256),
};

// ASCII characters by what the scan does with them: a letter or digit is its lower-case code (48 and above), the
// others one of these classes.
const separator = 0;
const dot = 1;
const dropped = 2;
const slash = 3;
const andSign = 4;
const bracket = 5;
const asciiClass = new Uint8Array(128);
for (let code = 48; code <= 57; code++) asciiClass[code] = code;
for (let code = 97; code <= 122; code++) {
  asciiClass[code] = code;
  asciiClass[code - 32] = code;
}
asciiClass[46] = dot;
asciiClass[39] = dropped; // '
asciiClass[96] = dropped; // `
asciiClass[47] = slash;
asciiClass[38] = andSign; // &
asciiClass[43] = andSign; // +
asciiClass[40] = bracket; // (
asciiClass[91] = bracket; // [
const firstWordClass = 48;
const firstLetterClass = 97;

/** Lower-case code of an ASCII letter or digit at `position`, else 0 (past the end, another character, not ASCII). */
function wordCodeAt(text: string, position: number): number {
  const cls = asciiClass[text.charCodeAt(position)] ?? 0;
  return cls >= firstWordClass ? cls : 0;
}

const webSuffixes = ['com', 'net', 'org', 'io', 'co', 'ai'];

/** Length of the web suffix ("com" of "amazon.com") starting at `start` and ending a word, else 0. */
function webSuffixLength(text: string, start: number): number {
  for (const suffix of webSuffixes) {
    let matches = true;
    for (let offset = 0; offset < suffix.length && matches; offset++) matches = wordCodeAt(text, start + offset) === suffix.charCodeAt(offset);
    if (matches && wordCodeAt(text, start + suffix.length) === 0) return suffix.length;
  }
  return 0;
}

// The words the loop and the synonyms care about (specialWords: a few thousand, mostly legal forms), in a small
// open-addressing table keyed by the hash the scan computes as it reads a word: a word that is not one of them is
// known after one probe (no string hashed, no map asked); one that is comes back as the table's own string.
const hashSeed = 0x811c9dc5 | 0;
const hashStep = 16777619;
const specialTexts: string[] = [];
const specialCanonical: string[] = [];
const specialHashes: number[] = [];
const specialFlags: number[] = [];
for (const word of specialWords()) {
  // Only words of ASCII letters and digits can be what the scan reads.
  if (!/^[a-z0-9]+$/.test(word)) continue;
  let hash = hashSeed;
  for (let position = 0; position < word.length; position++) hash = Math.imul(hash ^ word.charCodeAt(position), hashStep);
  const canonical = canonicalWord(word);
  specialTexts.push(word);
  specialCanonical.push(canonical);
  specialHashes.push(hash);
  specialFlags.push(wordFlags(canonical));
}
// At most half the slots taken: a word that is none of them finds an empty slot in one or two probes.
const slotBits = Math.max(4, Math.ceil(Math.log2(specialTexts.length * 2)));
const slotMask = (1 << slotBits) - 1;
/** Two numbers a slot, read together: the hash of the word in it, and 1 + the special word's index (0: empty). */
const specialSlots = new Int32Array(2 << slotBits);
specialTexts.forEach((_, index) => {
  const hash = specialHashes[index] ?? 0;
  let slot = slotOf(hash);
  while ((specialSlots[2 * slot + 1] ?? 0) !== 0) slot = (slot + 1) & slotMask;
  specialSlots[2 * slot] = hash;
  specialSlots[2 * slot + 1] = index + 1;
});

function slotOf(hash: number): number {
  return (hash ^ (hash >>> slotBits)) & slotMask;
}

/** The index of the special word whose letters are codes[start, start + length) (hashed to `hash`), or -1. */
function specialIndexOf(length: number, hash: number, codes: Uint8Array = wordBuffer, start = 0): number {
  for (let slot = slotOf(hash); ; slot = (slot + 1) & slotMask) {
    const entry = specialSlots[2 * slot + 1] ?? 0;
    if (entry === 0) return -1;
    if (specialSlots[2 * slot] !== hash) continue;
    const text = specialTexts[entry - 1] ?? '';
    if (text.length !== length) continue;
    let position = 0;
    while (position < length && text.charCodeAt(position) === codes[start + position]) position++;
    if (position === length) return entry - 1;
  }
}

/** The longest canonical spelling of a special word (what a word's codes can grow to in scanNameBytes). */
const longestCanonical = specialCanonical.reduce((longest, word) => Math.max(longest, word.length), 3);

/** The current word's lower-case codes. */
let wordBuffer = new Uint8Array(256);

const andFlags = wordFlags('and');

/**
 * nameWords of plain-ASCII text, with `scanned` set; undefined for text with other characters. The same words as the
 * general definition (nameWords' regular expressions) by construction: the property tests compare both.
 */
function scanAsciiWords(text: string): string[] | undefined {
  const length = text.length;
  const words: string[] = [];
  let wordLength = 0;
  let first = 0;
  let isContiguous = true;
  let hasUpperCase = false;
  let hash = hashSeed;
  // The character before this one once web suffixes are dropped (what the general path's "/" rule looks at).
  let previous = -1;
  let hasAnnotationCharacter = false;
  // The text lower-cased, once a word with capitals is cut from it.
  let lowerCased: string | undefined;
  // A text of n characters has at most n words ("&" alone is one), and no word longer than n letters.
  if (scanned.flags.length <= length) scanned.flags = new Uint8Array(2 * length + 2);
  if (wordBuffer.length <= length) wordBuffer = new Uint8Array(2 * length + 2);
  const flagsOfWords = scanned.flags;
  const buffer = wordBuffer;
  for (let i = 0; i <= length; i++) {
    const code = i < length ? text.charCodeAt(i) : 32;
    if (code >= 128) return undefined;
    const cls = asciiClass[code] ?? separator;
    if (cls >= firstWordClass) {
      if (wordLength === 0) {
        first = i;
        isContiguous = true;
        hasUpperCase = false;
        hash = hashSeed;
      } else if (i !== first + wordLength) {
        isContiguous = false;
      }
      if (cls !== code) hasUpperCase = true;
      buffer[wordLength++] = cls;
      hash = Math.imul(hash ^ cls, hashStep);
      previous = cls;
      continue;
    }
    // "amazon.com" → "amazon": a web suffix after a letter or digit, ending the word.
    if (cls === dot && i > 0 && wordCodeAt(text, i - 1) !== 0) {
      const suffixLength = webSuffixLength(text, i + 1);
      if (suffixLength > 0) {
        i += suffixLength;
        continue;
      }
    }
    const before = previous;
    previous = code;
    // Dots and apostrophes join the letters around them ("S.p.A." → "spa"); a slash between letters too ("A/S" → "as").
    if (cls === dot || cls === dropped) continue;
    if (cls === slash) {
      hasAnnotationCharacter = true;
      if (before >= firstLetterClass && before <= 122 && wordCodeAt(text, i + 1) >= firstLetterClass) continue;
    } else if (cls === bracket) {
      hasAnnotationCharacter = true;
    }
    if (wordLength > 0) {
      const special = specialIndexOf(wordLength, hash);
      if (special >= 0) {
        flagsOfWords[words.length] = specialFlags[special] ?? 0;
        words.push(specialCanonical[special] ?? '');
      } else {
        flagsOfWords[words.length] = 0;
        if (!isContiguous) words.push(String.fromCharCode(...buffer.subarray(0, wordLength)));
        else if (!hasUpperCase) words.push(text.slice(first, first + wordLength));
        else words.push((lowerCased ??= text.toLowerCase()).slice(first, first + wordLength));
      }
      wordLength = 0;
    }
    if (cls === andSign) {
      flagsOfWords[words.length] = andFlags;
      words.push('and');
      previous = 32;
    }
  }
  // What the legal-form loop would find: "and", two single letters in a row, "the" or a leading form first, a trailing form last.
  let allFlags = 0;
  let hasInitialsRun = false;
  for (let position = 0; position < words.length; position++) {
    const flags = flagsOfWords[position] ?? 0;
    allFlags |= flags;
    if (position > 0 && (flags & (flagsOfWords[position - 1] ?? 0) & wordFlag.singleLetter) !== 0) hasInitialsRun = true;
  }
  const firstFlags = flagsOfWords[0] ?? 0;
  const lastFlags = flagsOfWords[words.length - 1] ?? 0;
  scanned.hasAnnotationCharacter = hasAnnotationCharacter;
  scanned.needsRewrite = hasInitialsRun || (words.length > 1 && (allFlags & wordFlag.and) !== 0);
  scanned.needsLegalFormLoop = scanned.needsRewrite || (words.length > 1 && ((firstFlags & (wordFlag.the | wordFlag.leadingForm)) !== 0 || (lastFlags & wordFlag.trailingForm) !== 0));
  return words;
}

// What foldText makes of one character, for the characters it folds on their own (the whole text folds to these
// pieces joined): Latin letters with accents, ligatures, full-width forms. A piece is ASCII, or " " for a character
// that folds to no letter or digit (the general path splits words there as at a space); null when the character
// must take the general path (a letter of another script, a surrogate, a piece mixing both). Filled in as met.
const foldPieces: (string | null | undefined)[] = [];
// eslint-disable-next-line no-control-regex -- the ASCII range includes control characters on purpose
const asciiOnly = /^[\x00-\x7f]*$/;
const letterOrDigit = /[\p{L}\p{N}]/u;
// Characters the general path gives a meaning (joins, "and", web suffixes): not folded to a space.
const meaningful = /[&+/'’`´.]/;

function foldPieceOf(code: number): string | null {
  let piece = foldPieces[code];
  if (piece === undefined) {
    piece = null;
    if (code === 0x2019) piece = "'"; // ’ is dropped as ' is.
    else if (code < 0xd800 || code > 0xdfff) {
      const folded = foldText(String.fromCharCode(code));
      if (asciiOnly.test(folded)) piece = folded;
      else if (!letterOrDigit.test(folded) && !meaningful.test(folded)) piece = ' ';
    }
    foldPieces[code] = piece;
  }
  return piece;
}

/** The text folded to ASCII a character at a time, or undefined when a character needs the general path. */
function foldToAscii(text: string): string | undefined {
  let folded = '';
  let copiedUpTo = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) continue;
    const piece = foldPieceOf(code);
    if (piece === null) return undefined;
    folded += text.slice(copiedUpTo, i) + piece;
    copiedUpTo = i + 1;
  }
  return folded + text.slice(copiedUpTo);
}

/**
 * nameWords without regular expressions, with `scanned` set: plain ASCII directly, Latin text with accents (and other
 * characters foldText folds on their own) once folded to ASCII; undefined for the rest, which the general path reads.
 */
export function scanNameWords(raw: string): string[] | undefined {
  const words = scanAsciiWords(raw);
  if (words !== undefined) return words;
  const folded = foldToAscii(raw);
  return folded === undefined ? undefined : scanAsciiWords(folded);
}

/**
 * What the last scanNameBytes call read: the name's words (nameWords' words, canonical spellings in place) as
 * lower-case codes back to back, word k in codes[starts[k], starts[k + 1]); a special word's text in texts[k] ('' for
 * the others: normalizeName's legal-form loop looks up only words with a wordFlags bit); flags as `scanned.flags`.
 */
export const scannedBytes = {
  count: 0,
  codes: new Uint8Array(256),
  starts: new Uint32Array(64),
  texts: [] as string[],
  flags: new Uint8Array(64),
  /** As scanned.needsLegalFormLoop: "the" or a legal form at an edge (the loop strips them; nothing needs a rewrite). */
  needsLegalFormLoop: false,
};

function byteWordCodeAt(bytes: Uint8Array, position: number, end: number): number {
  if (position >= end) return 0;
  const cls = asciiClass[bytes[position] as number] ?? 0;
  return cls >= firstWordClass ? cls : 0;
}

function byteWebSuffixLength(bytes: Uint8Array, start: number, end: number): number {
  for (const suffix of webSuffixes) {
    let matches = true;
    for (let offset = 0; offset < suffix.length && matches; offset++) matches = byteWordCodeAt(bytes, start + offset, end) === suffix.charCodeAt(offset);
    if (matches && byteWordCodeAt(bytes, start + suffix.length, end) === 0) return suffix.length;
  }
  return 0;
}

/**
 * scanAsciiWords of the ASCII text in bytes[start, end), read from the bytes into scannedBytes without a string per
 * name or word (the master index build reads a million names from its file). False, leaving the name to
 * normalizeName, for what the legal-form loop would rewrite rather than strip off the edges ("and", "&", "+", initials)
 * and for the annotation characters "/", "(" and "[" — and for any byte of 128 or above. The property tests compare
 * the words with nameWords of the same text.
 */
export function scanNameBytes(bytes: Uint8Array, start: number, end: number): boolean {
  const out = scannedBytes;
  const length = end - start;
  if (out.codes.length < length * (longestCanonical + 1) + 16) out.codes = new Uint8Array(2 * length * (longestCanonical + 1) + 16);
  if (out.flags.length < length + 2) {
    out.flags = new Uint8Array(2 * length + 2);
    out.starts = new Uint32Array(2 * length + 2);
  }
  const codes = out.codes;
  const flags = out.flags;
  const starts = out.starts;
  const texts = out.texts;
  let count = 0;
  let codeCount = 0;
  let wordLength = 0;
  let hash = hashSeed;
  starts[0] = 0;
  for (let i = start; i <= end; i++) {
    const code = i < end ? (bytes[i] as number) : 32;
    if (code >= 128) return false;
    const cls = asciiClass[code] ?? separator;
    if (cls >= firstWordClass) {
      if (wordLength === 0) hash = hashSeed;
      codes[codeCount + wordLength++] = cls;
      hash = Math.imul(hash ^ cls, hashStep);
      continue;
    }
    // "amazon.com" → "amazon": a web suffix after a letter or digit, ending the word.
    if (cls === dot && i > start && byteWordCodeAt(bytes, i - 1, end) !== 0) {
      const suffixLength = byteWebSuffixLength(bytes, i + 1, end);
      if (suffixLength > 0) {
        i += suffixLength;
        continue;
      }
    }
    if (cls === dot || cls === dropped) continue;
    if (cls === slash || cls === bracket || cls === andSign) return false;
    if (wordLength > 0) {
      const special = specialIndexOf(wordLength, hash, codes, codeCount);
      if (special >= 0) {
        const canonical = specialCanonical[special] ?? '';
        for (let at = 0; at < canonical.length; at++) codes[codeCount + at] = canonical.charCodeAt(at);
        codeCount += canonical.length;
        flags[count] = specialFlags[special] ?? 0;
        texts[count] = canonical;
      } else {
        codeCount += wordLength;
        flags[count] = 0;
        texts[count] = '';
      }
      starts[++count] = codeCount;
      wordLength = 0;
    }
  }
  let allFlags = 0;
  for (let position = 0; position < count; position++) {
    const wordFlags = flags[position] ?? 0;
    allFlags |= wordFlags;
    // Initials to join: the string path.
    if (position > 0 && (wordFlags & (flags[position - 1] ?? 0) & wordFlag.singleLetter) !== 0) return false;
  }
  if (count > 1 && (allFlags & wordFlag.and) !== 0) return false;
  out.count = count;
  out.needsLegalFormLoop = count > 1 && (((flags[0] ?? 0) & (wordFlag.the | wordFlag.leadingForm)) !== 0 || ((flags[count - 1] ?? 0) & wordFlag.trailingForm) !== 0);
  return true;
}
