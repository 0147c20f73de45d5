/** Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, up to 4 characters), as the DuckDB peer uses it. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 1 : 1;
  const lengthA = a.length;
  const lengthB = b.length;
  if (lengthA === 0 || lengthB === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(lengthA, lengthB) / 2) - 1);
  const matchedA = new Uint8Array(lengthA);
  const matchedB = new Uint8Array(lengthB);
  let matches = 0;
  for (let i = 0; i < lengthA; i++) {
    const start = Math.max(0, i - window);
    const end = Math.min(i + window + 1, lengthB);
    for (let j = start; j < end; j++) {
      if (matchedB[j] || a.charCodeAt(i) !== b.charCodeAt(j)) continue;
      matchedA[i] = 1;
      matchedB[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < lengthA; i++) {
    if (!matchedA[i]) continue;
    while (!matchedB[k]) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const jaro = (matches / lengthA + matches / lengthB + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < lengthA && prefix < lengthB && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

// Scratch rows reused by every call: the scorer runs this millions of times, and allocation would dominate.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), or maxDistance + 1 when it exceeds
 * maxDistance: cheap for the "one typo" checks the scorer makes. Only the band of cells within maxDistance of the
 * diagonal is computed (a path leaving it costs more than maxDistance), and it stops as soon as a whole row of the
 * band is above maxDistance.
 */
export function boundedEditDistance(a: string, b: string, maxDistance: number): number {
  if (a === b) return 0;
  const lengthA = a.length;
  const lengthB = b.length;
  const beyond = maxDistance + 1;
  if (Math.abs(lengthA - lengthB) > maxDistance) return beyond;
  const width = lengthB + 1;
  if (width + 1 > rowA.length) {
    rowA = new Int32Array(width * 2);
    rowB = new Int32Array(width * 2);
    rowC = new Int32Array(width * 2);
  }
  let previousPrevious = rowA;
  let previous = rowB;
  let current = rowC;
  for (let j = 0; j < width; j++) previous[j] = j;
  for (let i = 1; i <= lengthA; i++) {
    // Cells outside the band read as "too far" (beyond); the band's neighbours are set to it explicitly, as the
    // rows are reused.
    const low = i > maxDistance ? i - maxDistance : 1;
    const high = Math.min(lengthB, i + maxDistance);
    let rowMinimum: number;
    if (low === 1) {
      current[0] = i;
      rowMinimum = i;
    } else {
      current[low - 1] = beyond;
      rowMinimum = beyond;
    }
    const codeA = a.charCodeAt(i - 1);
    const codeBeforeA = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = low; j <= high; j++) {
      const codeB = b.charCodeAt(j - 1);
      let value = previous[j - 1]! + (codeA === codeB ? 0 : 1);
      const up = previous[j]! + 1;
      if (up < value) value = up;
      const left = current[j - 1]! + 1;
      if (left < value) value = left;
      if (j > 1 && codeA === b.charCodeAt(j - 2) && codeBeforeA === codeB) {
        const swap = previousPrevious[j - 2]! + 1;
        if (swap < value) value = swap;
      }
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (high < lengthB) current[high + 1] = beyond;
    if (rowMinimum > maxDistance) return beyond;
    const spare = previousPrevious;
    previousPrevious = previous;
    previous = current;
    current = spare;
  }
  const distance = previous[lengthB]!;
  return distance > maxDistance ? beyond : distance;
}

/**
 * boundedEditDistance(a, text.slice(start, start + length), 1) === 1 without the slice or the table: the words
 * differ, and one insertion, deletion, substitution or swap of neighbouring letters makes them equal.
 */
export function isOneEditAway(a: string, text: string, start: number, length: number): boolean {
  const aLength = a.length;
  let same = 0;
  const shorter = Math.min(aLength, length);
  while (same < shorter && a.charCodeAt(same) === text.charCodeAt(start + same)) same++;
  if (aLength === length) {
    if (same === aLength) return false;
    // A substitution at `same`, or a swap of `same` and the letter after it; either way the rest is equal.
    const isSwap = same + 1 < aLength && a.charCodeAt(same) === text.charCodeAt(start + same + 1) && a.charCodeAt(same + 1) === text.charCodeAt(start + same);
    return isRestEqual(a, same + 1, text, start + same + 1, aLength - same - 1) || (isSwap && isRestEqual(a, same + 2, text, start + same + 2, aLength - same - 2));
  }
  // One letter more in one of them, at the first difference.
  if (aLength === length + 1) return isRestEqual(a, same + 1, text, start + same, length - same);
  if (length === aLength + 1) return isRestEqual(a, same, text, start + same + 1, aLength - same);
  return false;
}

function isRestEqual(a: string, aStart: number, text: string, textStart: number, count: number): boolean {
  for (let offset = 0; offset < count; offset++) if (a.charCodeAt(aStart + offset) !== text.charCodeAt(textStart + offset)) return false;
  return true;
}

/**
 * Names whose words line up (same count, same lengths) and differ by two or more edits in one short word: "Deutsche
 * Bahn" / "Deutsche Bank" name another word, not a typo ("Kodiak Oip & Gas", one edit, is a typo).
 */
export function isOtherShortWord(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length || a.length < 2) return false;
  let hasOtherWord = false;
  for (let position = 0; position < a.length; position++) {
    const wordA = a[position] ?? '';
    const wordB = b[position] ?? '';
    if (wordA.length !== wordB.length) return false;
    if (wordA !== wordB && wordA.length < 6 && !isOneEditAway(wordA, wordB, 0, wordB.length)) hasOtherWord = true;
  }
  return hasOtherWord;
}
