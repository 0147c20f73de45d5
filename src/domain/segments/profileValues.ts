import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import type { CompanyProfileField } from './filterTree';

countries.registerLocale(en);

/**
 * How the filter editor shows company profile values: country codes with their English names (so typing "Germ"
 * finds DE) and employee / revenue ranges in order of size ("1-10, 11-50, … 10001+", "<$1M, $1M-$10M, … $1B+")
 * rather than as text ("1-10, 10001+, 1001-5000").
 */
const SIZE_SUFFIXES: Readonly<Record<string, number>> = { k: 1e3, m: 1e6, b: 1e9, t: 1e12 };

/** The lower end of a size range: "<$1M" → 0, "$10M-$50M" → 10,000,000, "10001+" → 10,001; Infinity when it holds no number. */
export function rangeLowerBound(value: string): number {
  const text = value.replace(/[$€£,\s]/g, '').toLowerCase();
  if (text.startsWith('<')) return 0;
  const match = /^(\d+(?:\.\d+)?)([kmbt])?/.exec(text);
  if (!match?.[1]) return Number.POSITIVE_INFINITY;
  return Number(match[1]) * (match[2] ? (SIZE_SUFFIXES[match[2]] ?? 1) : 1);
}

const SIZE_FIELDS: ReadonlySet<CompanyProfileField> = new Set(['employeeRange', 'revenueRange']);

/** Values in display order: ranges by size (text order among equals), everything else alphabetically. */
export function sortProfileValues(field: CompanyProfileField, values: readonly string[]): string[] {
  const byText = (left: string, right: string) => left.localeCompare(right, 'en');
  if (!SIZE_FIELDS.has(field)) return [...values].sort(byText);
  return [...values].sort((left, right) => rangeLowerBound(left) - rangeLowerBound(right) || byText(left, right));
}

/** The label of one value: "Germany (DE)" for a country code, the value itself otherwise. */
export function profileValueLabel(field: CompanyProfileField, value: string): string {
  if (field !== 'country') return value;
  const name = countries.getName(value.toUpperCase(), 'en');
  return name ? `${name} (${value.toUpperCase()})` : value;
}
