// A row left unmatched because several companies fit it equally ("ambiguous"): said in words, with the tied
// companies and what tells them apart. Shown as "Several fit" beside a lone "100 %" suggestion, the row read as a
// bug: a perfect score, and yet no match.
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { ambiguityMargin } from '../matching/matchAccounts';

countries.registerLocale(en);

/** A candidate company as the confirmation page knows it. */
export interface CandidateCompany {
  companyId: string;
  score: number;
  name: string | null;
  domain: string | null;
  city: string | null;
  country: string | null;
  /** The data sets the company comes from (its provenance: gleif, sec, wikidata, csv); empty for a plain CSV import. */
  sources: readonly string[];
}

export interface EqualFits {
  /** What the row's reason says: "2 companies named “Abbott & Co LLC” in United States of America fit equally well; choose one." */
  label: string;
  /** Each tied company's id and what tells it apart from the others (its website, place, data set, or id). */
  details: ReadonlyMap<string, string>;
}

const sourceNames: Readonly<Record<string, string>> = { gleif: 'GLEIF', sec: 'SEC EDGAR', wikidata: 'Wikidata', csv: 'CSV import' };

/**
 * The candidates that tie with the best one (within the matcher's ambiguity margin, as it decided), when there are
 * at least two: the label in words and, per tied company, the parts of its description that differ between them —
 * website, city and country, data sets — or its id when they describe alike. Undefined with fewer than two.
 */
export function describeEqualFits(candidates: readonly CandidateCompany[]): EqualFits | undefined {
  const tied = equalFitsOf(candidates);
  if (tied.length < 2) return undefined;
  const names = [...new Set(tied.map((candidate) => candidate.name ?? candidate.companyId))];
  const countryCodes = new Set(tied.map((candidate) => candidate.country));
  const [onlyCountry] = countryCodes;
  const place = countryCodes.size === 1 && onlyCountry ? ` in ${countryName(onlyCountry)}` : '';
  const isOneName = new Set(names.map((name) => name.trim().toLowerCase())).size === 1;
  const label = isOneName
    ? `${tied.length} companies named “${names[0]}”${place} fit equally well; choose one.`
    : `${tied.length} companies fit equally well (${names.map((name) => `“${name}”`).join(', ')})${place}; choose one.`;
  const describers: ((candidate: CandidateCompany) => string)[] = [
    (candidate) => candidate.domain ?? 'no website',
    (candidate) => [candidate.city, candidate.country ? countryName(candidate.country) : null].filter((part) => part !== null).join(', ') || 'no address',
    (candidate) => (candidate.sources.length > 0 ? `from ${candidate.sources.map((source) => sourceNames[source] ?? source).join(' + ')}` : 'from a CSV import'),
  ];
  // Only what differs tells them apart: the same website on every line would say nothing.
  const differing = describers.filter((describe) => new Set(tied.map(describe)).size > 1);
  const details = new Map<string, string>();
  for (const candidate of tied) {
    const parts = differing.map((describe) => describe(candidate));
    details.set(candidate.companyId, [...parts, ...(parts.length === 0 || isAlikeToAnother(candidate, tied, differing) ? [`id ${candidate.companyId}`] : [])].join(' · '));
  }
  return { label, details };
}

/** The candidates (best first) that tie with the best one, within the matcher's ambiguity margin. */
function equalFitsOf<Candidate extends { score: number }>(candidates: readonly Candidate[]): Candidate[] {
  const best = candidates[0];
  return best === undefined ? [] : candidates.filter((candidate) => candidate.score >= best.score - ambiguityMargin - 1e-9);
}

/** Several candidates fit equally: no best suggestion to accept for the user (bulk accept leaves the row to them). */
export function hasEqualFits(candidates: readonly { score: number }[]): boolean {
  return equalFitsOf(candidates).length >= 2;
}

/** Another tied company is described the same by these parts (so only the id tells them apart). */
function isAlikeToAnother(candidate: CandidateCompany, tied: readonly CandidateCompany[], describers: readonly ((candidate: CandidateCompany) => string)[]): boolean {
  const describe = (company: CandidateCompany) => describers.map((part) => part(company)).join('\u0000');
  return tied.some((other) => other !== candidate && describe(other) === describe(candidate));
}

function countryName(code: string): string {
  return countries.getName(code.toUpperCase(), 'en') ?? code;
}
