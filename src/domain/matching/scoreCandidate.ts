import { boundedEditDistance } from './similarity';

/**
 * How much a name token says about identity: inverse document frequency minus the IDF of a token on 1 in 20
 * names, so that "Holdings", "Systems" or "Group" weigh almost nothing and a rare brand word weighs a lot.
 */
export function tokenWeight(documentFrequency: number, companyCount: number): number {
  const idf = Math.log((companyCount + 1) / (documentFrequency + 1));
  return Math.max(0.1, idf - Math.log(20));
}

/** 1 for equal tokens, less for one or two typos in long words, 0 otherwise; numbers must be equal. */
export function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 4) return 0;
  const maxDistance = shorter >= 12 ? 2 : 1;
  if (Math.abs(a.length - b.length) > maxDistance) return 0;
  if (a.charCodeAt(0) !== b.charCodeAt(0) && shorter < 6) return 0;
  if (hasDigit(a) || hasDigit(b)) return 0;
  // One edit leaves the first two or the last two letters in place: when both pairs differ, skip the distance.
  if (maxDistance === 1 && (a.charCodeAt(0) !== b.charCodeAt(0) || a.charCodeAt(1) !== b.charCodeAt(1)) && (a.charCodeAt(a.length - 1) !== b.charCodeAt(b.length - 1) || a.charCodeAt(a.length - 2) !== b.charCodeAt(b.length - 2))) return 0;
  const distance = boundedEditDistance(a, b, maxDistance);
  if (distance > maxDistance) return 0;
  return distance === 1 ? 0.85 : 0.7;
}

/** A word one name has and the other lacks costs at least this much, however common the word ("Acme" vs "Acme Capital"). */
const unmatchedTokenFloor = 1;
const conflictFactor = 2.5;

function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}

/**
 * Weighted soft Dice similarity of two token lists in [0, 1]: twice the weight of the tokens both names share
 * over the weight of all tokens, each token paired at most once with its most similar counterpart.
 */
export function weightedNameSimilarity(
  inputTokens: readonly string[],
  inputWeights: readonly number[],
  candidateTokens: readonly string[],
  candidateWeights: readonly number[],
): number {
  let usedMask = 0;
  let shared = 0;
  let pairedTotal = 0;
  let inputUnmatched = 0;
  let candidateUnmatched = 0;
  for (let i = 0; i < inputTokens.length; i++) {
    const token = inputTokens[i] ?? '';
    let best = 0;
    let bestIndex = -1;
    for (let j = 0; j < candidateTokens.length && j < 31; j++) {
      if (usedMask & (1 << j)) continue;
      const similarity = tokenSimilarity(token, candidateTokens[j] ?? '');
      if (similarity > best) {
        best = similarity;
        bestIndex = j;
        if (similarity === 1) break;
      }
    }
    const inputWeight = inputWeights[i] ?? 0;
    if (bestIndex >= 0) {
      usedMask |= 1 << bestIndex;
      const pairWeight = Math.min(inputWeight, candidateWeights[bestIndex] ?? 0);
      shared += best * pairWeight * 2;
      pairedTotal += pairWeight * 2;
    } else {
      inputUnmatched += Math.max(inputWeight, unmatchedTokenFloor);
    }
  }
  for (let j = 0; j < candidateTokens.length; j++) {
    if (j < 31 && usedMask & (1 << j)) continue;
    candidateUnmatched += Math.max(candidateWeights[j] ?? 0, unmatchedTokenFloor);
  }
  // Words on both sides that disagree ("Bluestone Software" vs "Bluestone Energy") describe different companies;
  // a word on one side only ("Pitchfork Holdings" vs "Pitchfork") is usually a suffix dropped or added.
  const isConflicting = inputUnmatched > 0 && candidateUnmatched > 0;
  const unmatchedTotal = (inputUnmatched + candidateUnmatched) * (isConflicting ? conflictFactor : 1);
  const total = pairedTotal + unmatchedTotal;
  return total === 0 ? 0 : Math.min(1, shared / total);
}

/** Similarity of the names written without spaces ("E-Line Media" vs "Eline Media"), tolerant of one or two typos. */
export function compactSimilarity(a: string, b: string): number {
  if (a === b) return a.length > 0 ? 1 : 0;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 7) return 0;
  const maxDistance = shorter >= 12 ? 2 : 1;
  const distance = boundedEditDistance(a, b, maxDistance);
  if (distance > maxDistance) return 0;
  return distance === 1 ? 0.88 : 0.82;
}
