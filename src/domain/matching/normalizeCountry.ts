// The library without its Node entry, which loads and registers all ~80 locales (~60 ms at every thread's start):
// the 12 below are the ones read.
import countries from 'i18n-iso-countries/index.js';
import de from 'i18n-iso-countries/langs/de.json' with { type: 'json' };
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import it from 'i18n-iso-countries/langs/it.json' with { type: 'json' };
import nl from 'i18n-iso-countries/langs/nl.json' with { type: 'json' };
import pt from 'i18n-iso-countries/langs/pt.json' with { type: 'json' };
import sv from 'i18n-iso-countries/langs/sv.json' with { type: 'json' };
import pl from 'i18n-iso-countries/langs/pl.json' with { type: 'json' };
import ja from 'i18n-iso-countries/langs/ja.json' with { type: 'json' };
import zh from 'i18n-iso-countries/langs/zh.json' with { type: 'json' };
import ru from 'i18n-iso-countries/langs/ru.json' with { type: 'json' };
import { countryAliases } from './countryAliases';
import { foldText } from './foldText';

// English plus the local names of the countries most CRM data comes from.
const locales = [en, de, fr, es, it, nl, pt, sv, pl, ja, zh, ru];

function foldCountryName(text: string): string {
  return foldText(text)
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Codes (alpha-3, alpha-2) and aliases, folded: what master files and most lists hold. Built without the locales'
 * names, which cost ~15 ms at start (every thread building an index pays it) and are read only for other spellings.
 */
function buildCodeLookup(): ReadonlyMap<string, string> {
  const lookup = new Map<string, string>();
  for (const [alpha3, alpha2] of Object.entries(countries.getAlpha3Codes())) lookup.set(alpha3.toLowerCase(), alpha2);
  for (const alpha2 of Object.keys(countries.getAlpha2Codes())) lookup.set(alpha2.toLowerCase(), alpha2);
  // Reserved for the UK in many data sets even though ISO 3166 uses GB.
  for (const [alias, alpha2] of Object.entries(countryAliases)) lookup.set(alias, alpha2);
  return lookup;
}

/** Every locale's names, then the codes and aliases over them (a code or alias wins over a name spelled the same). */
function buildCountryLookup(): ReadonlyMap<string, string> {
  const lookup = new Map<string, string>();
  for (const locale of locales) {
    countries.registerLocale(locale);
    const names = countries.getNames(locale.locale, { select: 'all' });
    for (const [alpha2, spellings] of Object.entries(names)) {
      for (const spelling of spellings) {
        const key = foldCountryName(spelling);
        if (key.length > 0 && !lookup.has(key)) lookup.set(key, alpha2);
      }
    }
  }
  for (const [key, alpha2] of codeLookup) lookup.set(key, alpha2);
  return lookup;
}

const codeLookup = buildCodeLookup();
let countryLookup: ReadonlyMap<string, string> | undefined;

/** The country a folded spelling names: the codes first (the full lookup gives the same for them), then every name. */
function countryOfKey(key: string): string | undefined {
  return codeLookup.get(key) ?? (countryLookup ??= buildCountryLookup()).get(key);
}

// What people type when they do not know ("n/a" must not become Namibia).
const placeholderValues = new Set(['n/a', 'n.a.', 'n. a.', 'none', 'unknown', 'null', '-', '--', 'tbd', 'other', '?']);

/**
 * ISO 3166-1 alpha-2 code ("DE") for a code (DE, DEU, 276), an English or local name ("Germany", "Deutschland"),
 * or a common alias ("U.S.A.", "UK", "Holland"); null when it names no country. Never throws.
 */
export function normalizeCountry(input: string | null | undefined): string | null {
  if (input === null || input === undefined) return null;
  const trimmed = input.trim();
  if (trimmed.length === 0 || trimmed.length > 80 || placeholderValues.has(trimmed.toLowerCase())) return null;
  if (/^\d{1,3}$/.test(trimmed)) return countries.numericToAlpha2(trimmed.padStart(3, '0')) ?? null;
  const key = foldCountryName(trimmed);
  const direct = countryOfKey(key) ?? countryOfKey(key.replace(/ /g, ''));
  if (direct) return direct;
  // "Germany (DE)", "Paris, France": try each part.
  const parts = trimmed.split(/[(),/;|-]+/).map(foldCountryName).filter((part) => part.length > 1);
  if (parts.length > 1) {
    for (const part of parts) {
      const found = countryOfKey(part);
      if (found) return found;
    }
  }
  return null;
}
