import { demoCountries, type DemoCountry, type LocalNameStyle } from './demoCountries';
import {
  brandHeads,
  brandTails,
  dutchWords,
  employeeRanges,
  englishSurnames,
  frenchNouns,
  frenchSurnames,
  germanNouns,
  germanSurnames,
  indianWords,
  industries,
  italianNouns,
  italianSurnames,
  japaneseNouns,
  japaneseWords,
  nordicWords,
  revenueByEmployeeRange,
  spanishNouns,
  spanishSurnames,
  type IndustryDefinition,
} from './demoCompanyWords';

/** One company of the generated demo master database (shippable: invented, never copied from a real data set). */
export interface DemoCompany {
  companyId: string;
  name: string;
  domain: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  region: string;
  city: string;
  industry: string;
  employeeRange: string;
  revenueRange: string;
}

/**
 * A deterministic demo master database: the same (count, seed) always gives the same companies, in the same order,
 * with unique names (per country) and unique registrable domains. Company ids are `C` + 7 digits (`C0000001`).
 * The CRM emulators derive their messy demo accounts from these; `npm start` seeds the master database with them.
 */
export function generateDemoCompanies(count = 50_000, seed = 1): DemoCompany[] {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const countryPicker = weightedPicker(demoCountries, (c) => c.weight, random);
  const industryPicker = weightedPicker(industries, (i) => i.weight, random);
  const employeePicker = weightedPicker(employeeRanges, (e) => e.weight, random);
  const usedNames = new Set<string>();
  const usedDomains = new Set<string>();
  const companies: DemoCompany[] = [];

  for (let index = 0; index < count; index++) {
    const country = countryPicker();
    const industry = industryPicker();
    const place = pick(country.places);
    let core = '';
    for (let attempt = 0; attempt < 40; attempt++) {
      core = attempt < 30 ? composeCoreName(country, industry, place[1], random, pick) : `${composeCoreName(country, industry, place[1], random, pick)} ${pick(brandHeads)}${pick(brandTails)}`;
      const key = `${country.country}|${core.toLowerCase()}`;
      if (!usedNames.has(key)) {
        usedNames.add(key);
        break;
      }
    }
    const legalForm = pick(country.legalForms);
    const name = legalForm ? `${core} ${legalForm}` : core;
    const domain = chooseDomain(core, country, random, pick, usedDomains);
    const employeeIndex = employeeRanges.indexOf(employeePicker());
    const employee = employeeRanges[employeeIndex] ?? employeeRanges[0];
    companies.push({
      companyId: `C${String(index + 1).padStart(7, '0')}`,
      name,
      domain,
      country: country.country,
      region: place[0],
      city: place[1],
      industry: industry.industry,
      employeeRange: employee.range,
      revenueRange: pick(revenueByEmployeeRange[employeeIndex] ?? ['<$1M']),
    });
  }
  return companies;
}

type Pick = <T>(items: readonly T[]) => T;

function composeCoreName(country: DemoCountry, industry: IndustryDefinition, city: string, random: () => number, pick: Pick): string {
  if (country.localShare > 0 && random() < country.localShare) return composeLocalName(country.localStyle, industry, random, pick);
  const noun = pick(industry.nameNouns);
  const brand = `${pick(brandHeads)}${pick(brandTails)}`;
  const roll = random();
  if (roll < 0.38) return `${brand} ${noun}`;
  if (roll < 0.48) return brand;
  if (roll < 0.6) return `${pick(brandHeads)} ${noun}`;
  if (roll < 0.66) return `${pick(englishSurnames)} & ${pick(['Sons', 'Partners', 'Co', 'Associates'])}`;
  if (roll < 0.71) return `${pick(englishSurnames)} ${pick(['Brothers', 'Group', 'Holdings'])}`;
  if (roll < 0.8) return `${pick(englishSurnames)} ${noun}`;
  if (roll < 0.84) return `${pick(englishSurnames)} & ${pick(englishSurnames)}`;
  if (roll < 0.88) return `The ${brand} ${pick(['Group', 'Company', 'Collective'])}`;
  if (roll < 0.93) return `${city} ${noun}`;
  if (roll < 0.97) return `${initials(random)} ${noun}`;
  return `${brand} ${pick(['Holdings', 'International', 'Global', 'Worldwide'])}`;
}

function composeLocalName(style: LocalNameStyle, industry: IndustryDefinition, random: () => number, pick: Pick): string {
  const noun = pick(industry.nameNouns);
  const roll = random();
  switch (style) {
    case 'german':
      if (roll < 0.6) return `${pick(germanSurnames)} ${pick(germanNouns)}`;
      if (roll < 0.8) return `${pick(germanSurnames)} & ${pick(germanSurnames)}`;
      return `${pick(brandHeads)}${pick(brandTails)} ${pick(germanNouns)}`;
    case 'french':
      if (roll < 0.3) return `Groupe ${pick(frenchSurnames)}`;
      if (roll < 0.8) return `${pick(frenchSurnames)} ${pick(frenchNouns)}`;
      return `${pick(frenchNouns)} ${pick(frenchSurnames)} et Fils`;
    case 'japanese':
      return roll < 0.8 ? `${pick(japaneseWords)} ${pick(japaneseNouns)}` : `${pick(japaneseWords)} ${noun}`;
    case 'spanish':
      if (roll < 0.5) return `${pick(spanishNouns)} ${pick(spanishSurnames)}`;
      if (roll < 0.75) return `${pick(spanishSurnames)} y ${pick(spanishSurnames)}`;
      return `Grupo ${pick(spanishSurnames)} ${noun}`;
    case 'italian':
      return roll < 0.6 ? `${pick(italianSurnames)} ${pick(italianNouns)}` : `${pick(italianNouns)} ${pick(italianSurnames)}`;
    case 'dutch':
      return `${pick(dutchWords)} ${noun}`;
    case 'nordic':
      return roll < 0.7 ? `${pick(nordicWords)} ${noun}` : `${pick(nordicWords)} & ${pick(nordicWords)}`;
    case 'indian':
      return roll < 0.6 ? `${pick(indianWords)} ${noun}` : `${pick(indianWords)} ${pick(indianWords)} ${pick(['Industries', 'Enterprises', 'Technologies', 'Exports'])}`;
    case 'english':
      return `${pick(englishSurnames)} ${noun}`;
  }
}

function initials(random: () => number): string {
  const letters = 'ABCDEFGHJKLMNPRSTVWX';
  let text = '';
  const length = 2 + Math.floor(random() * 2);
  for (let i = 0; i < length; i++) text += letters[Math.floor(random() * letters.length)];
  return text;
}

function chooseDomain(core: string, country: DemoCountry, random: () => number, pick: Pick, used: Set<string>): string {
  const words = slugWords(core.replace(/^the\s+/i, ''));
  const joined = words.join('');
  const candidates = [
    random() < 0.75 ? joined : words.join('-'),
    words[0] && words.length > 1 && random() < 0.3 ? words[0] : joined,
    words.join('-'),
    `${joined}${pick(['hq', 'group', 'global', 'inc'])}`,
    `${joined}-${country.country.toLowerCase()}`,
  ];
  for (const label of candidates) {
    if (!label) continue;
    const domain = `${label.slice(0, 60)}.${pick(country.tlds)}`;
    if (!used.has(domain)) {
      used.add(domain);
      return domain;
    }
  }
  for (let n = 2; ; n++) {
    const domain = `${joined.slice(0, 55)}${n}.${country.tlds[0]}`;
    if (!used.has(domain)) {
      used.add(domain);
      return domain;
    }
  }
}

/** ASCII words for a DNS label: diacritics dropped, German sharp s spelled out, punctuation removed. */
function slugWords(text: string): string[] {
  return text
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' ')
    .replace(/[^a-z0-9 ]+/g, '')
    .split(/\s+/)
    .filter((word) => word.length > 0 && word !== 'and' && word !== 'et' && word !== 'y');
}

function weightedPicker<T>(items: readonly T[], weightOf: (item: T) => number, random: () => number): () => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const item of items) {
    total += weightOf(item);
    cumulative.push(total);
  }
  return () => {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] ?? 0) > target) high = middle;
      else low = middle + 1;
    }
    return items[low] as T;
  };
}

/** Small, fast, seedable PRNG (public-domain mulberry32): deterministic across platforms. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
