import type { MatchCandidate, MatchNote, MatchResult, UnmatchedReason } from '../matching/types';
import type { MembershipSnapshot } from './diffMembership';

/** One record a segment's source gave (CRM list/report row or uploaded line), ready for matching. */
export interface SourceRow {
  readonly rowNumber: number;
  /** Stable across refreshes; manual match overrides are keyed by it. */
  readonly rowKey: string;
  readonly name: string | null;
  readonly domain: string | null;
  readonly country: string | null;
  readonly crmObjectType: string | null;
  readonly crmExternalId: string | null;
}

export interface ResolvedRow extends SourceRow {
  readonly status: 'matched' | 'unmatched' | 'duplicate';
  /** Why an unmatched row is unmatched; for a row the matcher matched, how, when that is worth saying (MatchNote). */
  readonly reason: UnmatchedReason | MatchNote | null;
  readonly companyId: string | null;
  readonly score: number | null;
  readonly candidates: readonly MatchCandidate[];
  readonly isManualMatch: boolean;
  /** Matched, but the segment's filters leave the company out. */
  readonly isFilteredOut: boolean;
}

/** The key of an uploaded or unidentified row: what it says, normalised, so the same line is found again. */
export function rowKeyOf(input: { crmObjectType?: string | null; crmExternalId?: string | null; name?: string | null; domain?: string | null; country?: string | null }): string {
  if (input.crmExternalId) return `${input.crmObjectType ?? 'record'}:${input.crmExternalId}`;
  const part = (value: string | null | undefined) => (value ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
  return `row:${part(input.name)}|${part(input.domain)}|${part(input.country)}`;
}

/**
 * Combines the source rows, the matcher's results (by rowId = String(rowNumber)) and the users' picks (by row key)
 * into the final rows: a pick wins over the matcher; in row order the first row resolving to a company is
 * `matched` and later ones are `duplicate` ("Duplicate Matches Ignored": the segment holds each company once).
 */
export function resolveSourceRows(
  rows: readonly SourceRow[],
  results: ReadonlyMap<string, MatchResult>,
  overrides: ReadonlyMap<string, string>,
  companiesPassingFilter: ReadonlySet<string> | null,
): ResolvedRow[] {
  const claimed = new Set<string>();
  return rows.map((row) => {
    const pick = overrides.get(row.rowKey);
    const result = results.get(String(row.rowNumber));
    const companyId = pick ?? (result && result.status !== 'unmatched' ? result.companyId : null);
    const base = { ...row, score: pick ? 1 : (result?.score ?? null), candidates: result?.candidates ?? [], isManualMatch: pick !== undefined };
    if (!companyId) {
      return { ...base, status: 'unmatched' as const, reason: result?.reason ?? 'no_candidate', companyId: null, isFilteredOut: false };
    }
    const isFilteredOut = companiesPassingFilter !== null && !companiesPassingFilter.has(companyId);
    const note = pick ? null : noteOf(result);
    if (claimed.has(companyId)) return { ...base, status: 'duplicate' as const, reason: note, companyId, isFilteredOut };
    claimed.add(companyId);
    return { ...base, status: 'matched' as const, reason: note, companyId, isFilteredOut };
  });
}

/** A matched result's note; results rebuilt from stored rows carry it in `reason` (the column holds both). */
function noteOf(result: MatchResult | undefined): MatchNote | null {
  if (!result) return null;
  if (result.note) return result.note;
  return (result.reason as string | null) === 'name_country_fallback' ? 'name_country_fallback' : null;
}

/** Matched rows (duplicates aside) the matcher matched on name and country because their domain is excluded. */
export function countNameCountryFallbacks(rows: readonly { status: string; reason: string | null }[]): number {
  let count = 0;
  for (const row of rows) if (row.status === 'matched' && row.reason === 'name_country_fallback') count++;
  return count;
}

export interface RowCounts {
  recordsRead: number;
  matched: number;
  unmatched: number;
  duplicates: number;
  members: number;
}

export function countRows(rows: readonly ResolvedRow[]): RowCounts {
  const counts: RowCounts = { recordsRead: rows.length, matched: 0, unmatched: 0, duplicates: 0, members: 0 };
  for (const row of rows) {
    if (row.status === 'matched') {
      counts.matched++;
      if (!row.isFilteredOut) counts.members++;
    } else if (row.status === 'unmatched') counts.unmatched++;
    else counts.duplicates++;
  }
  return counts;
}

/** The membership a set of resolved rows gives, as diffMembership expects it. */
export function snapshotOfRows(rows: ReadonlyArray<Pick<ResolvedRow, 'rowKey' | 'status' | 'companyId' | 'isManualMatch' | 'isFilteredOut'>>): MembershipSnapshot {
  const members: Array<{ companyId: string; rowKey: string | null; isManualMatch: boolean }> = [];
  const filteredOut: string[] = [];
  for (const row of rows) {
    if (row.status !== 'matched' || !row.companyId) continue;
    if (row.isFilteredOut) filteredOut.push(row.companyId);
    else members.push({ companyId: row.companyId, rowKey: row.rowKey, isManualMatch: row.isManualMatch });
  }
  return { members, rowKeys: rows.map((row) => row.rowKey), filteredOutCompanyIds: filteredOut };
}
