import { boundedEditDistance, isOneEditAway } from './similarity';

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
  // Within one edit (a !== b): the linear check, no distance table.
  if (maxDistance === 1) return isOneEditAway(a, b, 0, b.length) ? 0.85 : 0;
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
  if (maxDistance === 1) return isOneEditAway(a, b, 0, b.length) ? 0.88 : 0;
  const distance = boundedEditDistance(a, b, maxDistance);
  if (distance > maxDistance) return 0;
  return distance === 1 ? 0.88 : 0.82;
}

/**
 * compactSimilarity(compact, words.join('')), `wordsLength` the words' total length: the joined name is built only
 * when an edit distance is to be computed (equal names, and lengths too far apart, need none).
 */
export function compactSimilarityToWords(compact: string, words: readonly string[], wordsLength: number): number {
  if (compact.length === wordsLength && isWordsWrittenTogether(compact, words)) return compact.length > 0 ? 1 : 0;
  const shorter = Math.min(compact.length, wordsLength);
  // compactSimilarity's own limits: names under 7 letters must be equal, longer ones at most 1 or 2 edits apart.
  if (shorter < 7 || Math.abs(compact.length - wordsLength) > (shorter >= 12 ? 2 : 1)) return 0;
  return compactSimilarity(compact, words.join(''));
}

/** text === words.join(''), without joining them. */
export function isWordsWrittenTogether(text: string, words: readonly string[]): boolean {
  let position = 0;
  for (const word of words) {
    if (!text.startsWith(word, position)) return false;
    position += word.length;
  }
  return position === text.length;
}

/** A brand's words weighing this much (IDF above the 1-in-20 baseline) are fully distinctive. */
const distinctiveWeight = 4;

/**
 * Similarity of a brand to a longer registered name that contains all of its words: "Toyota" in "Toyota Motor",
 * "Cracker Barrel" in "Cracker Barrel Old Country Store", "Lionsgate" in "Lions Gate Entertainment" (the words run
 * together), "Lufthansa" in "Deutsche Lufthansa". 0 when a brand word is missing from the candidate or the candidate
 * has no other words. The rarer the brand's words, the more the containment says: up to 0.90 when the brand is the
 * start of the name, 0.88 elsewhere; the rarer the candidate's other words, the less (a rare extra word is more
 * likely another company of the same family: "Toyota Tsusho" against "Toyota Motor" for "Toyota").
 */
export function containmentSimilarity(
  inputTokens: readonly string[],
  inputWeights: readonly number[],
  candidateTokens: readonly string[],
  candidateWeights: readonly number[],
): number {
  if (inputTokens.length === 0 || candidateTokens.length <= inputTokens.length) {
    return inputTokens.length === 1 && candidateTokens.length > 1 ? runTogetherPrefix(inputTokens[0] ?? '', inputWeights[0] ?? 0, candidateTokens, candidateWeights) : 0;
  }
  if (candidateTokens.length > 31) return 0;
  let usedMask = 0;
  let isPrefix = true;
  let rarest = 0;
  for (let i = 0; i < inputTokens.length; i++) {
    const token = inputTokens[i] ?? '';
    let found = -1;
    for (let j = 0; j < candidateTokens.length; j++) {
      if (!(usedMask & (1 << j)) && candidateTokens[j] === token) {
        found = j;
        break;
      }
    }
    if (found < 0) return inputTokens.length === 1 ? runTogetherPrefix(token, inputWeights[0] ?? 0, candidateTokens, candidateWeights) : 0;
    if (found !== i) isPrefix = false;
    usedMask |= 1 << found;
    rarest = Math.max(rarest, inputWeights[i] ?? 0);
  }
  let extraWeight = 0;
  for (let j = 0; j < candidateTokens.length; j++) if (!(usedMask & (1 << j))) extraWeight += candidateWeights[j] ?? 0;
  return containmentScore(rarest, extraWeight, isPrefix);
}

function containmentScore(rarestInputWeight: number, extraWeight: number, isPrefix: boolean): number {
  const distinctiveness = Math.min(1, rarestInputWeight / distinctiveWeight);
  const extraPenalty = 0.02 * Math.min(3, extraWeight / 2);
  return (isPrefix ? 0.82 : 0.8) + 0.08 * distinctiveness - extraPenalty;
}

/** "lionsgate" against ["lions", "gate", "entertainment"]: the brand is the first words written together. */
function runTogetherPrefix(token: string, weight: number, candidateTokens: readonly string[], candidateWeights: readonly number[]): number {
  if (token.length < 6) return 0;
  let joined = '';
  for (let j = 0; j < candidateTokens.length - 1; j++) {
    joined += candidateTokens[j] ?? '';
    if (joined.length > token.length || !token.startsWith(joined)) return 0;
    if (joined.length === token.length) {
      let extraWeight = 0;
      for (let k = j + 1; k < candidateTokens.length; k++) extraWeight += candidateWeights[k] ?? 0;
      return j === 0 ? 0 : containmentScore(weight, extraWeight, true);
    }
  }
  return 0;
}
