import type { AccountInput, MatchResult } from '../../domain/matching/types';

/**
 * Match results as a message between threads: their strings once in a table and everything else in two typed
 * arrays. The structured clone of 25,000 result objects (with their candidate arrays) costs the receiving thread
 * more than the match itself; this costs a fraction. A result with a field this codec does not know is not encoded
 * (encodeResults gives null and the results travel as they are), so a field added to MatchResult is never lost.
 */
export interface EncodedResults {
  strings: string[];
  /**
   * Per row: rowId (-1: the rowId of the request's row at that position, which the receiver has), status, companyId
   * (-1 null), reason (-1 null), note (-2 absent), candidate count, 3 candidate ids.
   */
  ints: Int32Array;
  /** Per row: score (NaN = null), 3 candidate scores. */
  scores: Float64Array;
}

const intsPerRow = 9;
const scoresPerRow = 4;
const maxCandidates = 3;

/** Whether every field of a result is one the codec carries (a loop over its keys: no array of them per row). */
function hasOnlyKnownFields(result: MatchResult): boolean {
  for (const key in result) {
    switch (key) {
      case 'rowId':
      case 'status':
      case 'companyId':
      case 'score':
      case 'reason':
      case 'candidates':
      case 'note':
        continue;
      default:
        return false;
    }
  }
  return true;
}

/** A candidate with exactly its two fields. */
function isPlainCandidate(candidate: MatchResult['candidates'][number]): boolean {
  let count = 0;
  for (const key in candidate) {
    if (key !== 'companyId' && key !== 'score') return false;
    count++;
  }
  return count === 2;
}

/**
 * `rowIds`: the rows' ids as the receiver has them (the records it sent), so that a result with the same id needs
 * not carry it back.
 */
export function encodeResults(results: readonly MatchResult[], rowIds?: readonly string[]): EncodedResults | null {
  const strings: string[] = [];
  const stringIds = new Map<string, number>();
  const stringId = (text: string): number => {
    let id = stringIds.get(text);
    if (id === undefined) {
      id = strings.length;
      strings.push(text);
      stringIds.set(text, id);
    }
    return id;
  };
  const ints = new Int32Array(results.length * intsPerRow);
  const scores = new Float64Array(results.length * scoresPerRow);
  for (let row = 0; row < results.length; row++) {
    const result = results[row] as MatchResult;
    if (!hasOnlyKnownFields(result)) return null;
    if (result.candidates.length > maxCandidates || (result.score !== null && Number.isNaN(result.score)) || ('note' in result && typeof result.note !== 'string')) return null;
    const at = row * intsPerRow;
    const scoreAt = row * scoresPerRow;
    ints[at] = rowIds !== undefined && rowIds[row] === result.rowId ? -1 : stringId(result.rowId);
    ints[at + 1] = stringId(result.status);
    ints[at + 3] = result.reason === null ? -1 : stringId(result.reason);
    ints[at + 4] = result.note === undefined ? -2 : stringId(result.note);
    ints[at + 5] = result.candidates.length;
    scores[scoreAt] = result.score ?? Number.NaN;
    // Company ids are mostly distinct: each is appended as it comes (no lookup), and a matched row's company, its
    // first candidate, is written once.
    for (let position = 0; position < result.candidates.length; position++) {
      const candidate = result.candidates[position] as MatchResult['candidates'][number];
      if (!isPlainCandidate(candidate)) return null;
      ints[at + 6 + position] = strings.push(candidate.companyId) - 1;
      scores[scoreAt + 1 + position] = candidate.score;
    }
    const companyId = result.companyId;
    if (companyId === null) ints[at + 2] = -1;
    else ints[at + 2] = result.candidates.length > 0 && result.candidates[0]?.companyId === companyId ? (ints[at + 6] ?? -1) : strings.push(companyId) - 1;
  }
  return { strings, ints, scores };
}

/** `rowIds`: those given to encodeResults (the ids of the rows sent, in order). */
export function decodeResults(encoded: EncodedResults, rowIds?: readonly string[]): MatchResult[] {
  const { strings, ints, scores } = encoded;
  const rows = ints.length / intsPerRow;
  const results: MatchResult[] = new Array<MatchResult>(rows);
  for (let row = 0; row < rows; row++) {
    const at = row * intsPerRow;
    const scoreAt = row * scoresPerRow;
    const candidateCount = ints[at + 5] ?? 0;
    const candidates: MatchResult['candidates'] = [];
    for (let position = 0; position < candidateCount; position++) candidates.push({ companyId: strings[ints[at + 6 + position] ?? 0] as string, score: scores[scoreAt + 1 + position] ?? 0 });
    const companyId = ints[at + 2] ?? -1;
    const reason = ints[at + 3] ?? -1;
    const score = scores[scoreAt] ?? Number.NaN;
    // Written by encodeResults from MatchResult values: the strings are those the fields held.
    const rowId = ints[at] ?? 0;
    const result = {
      rowId: rowId < 0 ? (rowIds?.[row] as string) : (strings[rowId] as string),
      status: strings[ints[at + 1] ?? 0] as MatchResult['status'],
      companyId: companyId < 0 ? null : (strings[companyId] as string),
      score: Number.isNaN(score) ? null : score,
      reason: reason < 0 ? null : (strings[reason] as MatchResult['reason']),
      candidates,
    } as MatchResult;
    const note = ints[at + 4] ?? -2;
    if (note >= 0) result.note = strings[note] as MatchResult['note'];
    results[row] = result;
  }
  return results;
}

/** The rows' ids of encoded records (what encodeResults and decodeResults take). */
export function recordRowIds(encoded: EncodedRecords): readonly string[] {
  return 'records' in encoded ? encoded.records.map((record) => record.rowId) : encoded.columns[0];
}

/** Account records as a message: four arrays of strings (cheaper to clone than as many objects), or the records as they are when one has another field. */
export type EncodedRecords = { columns: [string[], (string | null | undefined)[], (string | null | undefined)[], (string | null | undefined)[]] } | { records: AccountInput[] };

const recordKeys = new Set(['rowId', 'name', 'domain', 'country']);

export function encodeRecords(records: readonly AccountInput[]): EncodedRecords {
  const rowIds: string[] = [];
  const names: (string | null | undefined)[] = [];
  const domains: (string | null | undefined)[] = [];
  const countries: (string | null | undefined)[] = [];
  for (const record of records) {
    for (const key of Object.keys(record)) if (!recordKeys.has(key)) return { records: [...records] };
    rowIds.push(record.rowId);
    names.push(record.name);
    domains.push(record.domain);
    countries.push(record.country);
  }
  return { columns: [rowIds, names, domains, countries] };
}

export function decodeRecords(encoded: EncodedRecords): AccountInput[] {
  if ('records' in encoded) return encoded.records;
  const [rowIds, names, domains, countries] = encoded.columns;
  return rowIds.map((rowId, row) => ({ rowId, name: names[row], domain: domains[row], country: countries[row] }));
}
