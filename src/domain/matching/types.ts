/** A master company as the matcher needs it (raw values; the index normalises them). */
export interface MasterCompanyInput {
  companyId: string;
  name: string;
  /** Website or domain; '' when unknown. */
  domain: string;
  /** ISO 3166-1 alpha-2 or any spelling normalizeCountry understands; '' when unknown. */
  country: string;
  /** The company's other websites or domains (companies.other_domains): a row with one of them finds the company too. */
  otherDomains?: readonly string[];
  /** The company's other names (GLEIF trading, previous or transliterated names): a row with one of them finds the company too. */
  otherNames?: readonly string[];
  /**
   * How many optional firmographic fields the record has (region, city, industry…). When two master records are
   * equally good matches (the master holds duplicates), the more complete, better-maintained one wins.
   */
  completeness?: number;
}

/** One account record to match: a CRM account, a report row or a line of an uploaded file. */
export interface AccountInput {
  rowId: string;
  name?: string | null | undefined;
  /** Website, URL, domain or an e-mail address. */
  domain?: string | null | undefined;
  country?: string | null | undefined;
}

export type MatchStatus = 'matched' | 'duplicate' | 'unmatched';
export type UnmatchedReason = 'excluded_domain' | 'missing_data' | 'no_candidate' | 'ambiguous' | 'low_score';

/**
 * How a matched row was matched when it is worth saying: "name_country_fallback", its domain is on the exclusion
 * list (a personal e-mail address such as gmail.com) and it was matched on its name and country alone.
 */
export type MatchNote = 'name_country_fallback';

export interface MatchCandidate {
  companyId: string;
  /** Calibrated score in [0, 1]; 0.86 and above is a match by default. */
  score: number;
}

export interface MatchResult {
  rowId: string;
  status: MatchStatus;
  /** The matched company (also for duplicates: the company an earlier row already matched). */
  companyId: string | null;
  score: number | null;
  reason: UnmatchedReason | null;
  /** Up to three best candidates, best first, so a user can see why and override (none scoring below 0.4). */
  candidates: MatchCandidate[];
  /** Set on a matched row only when it was matched in a way the user should be told about. */
  note?: MatchNote | undefined;
}

export interface MatchSummary {
  inputRows: number;
  matched: number;
  unmatched: number;
  duplicates: number;
}

export function summarizeResults(results: readonly MatchResult[]): MatchSummary {
  let matched = 0;
  let duplicates = 0;
  for (const result of results) {
    if (result.status === 'matched') matched++;
    else if (result.status === 'duplicate') duplicates++;
  }
  return { inputRows: results.length, matched, duplicates, unmatched: results.length - matched - duplicates };
}
