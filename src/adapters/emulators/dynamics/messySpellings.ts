/**
 * How CRM users really type companies: the emulator's demo accounts carry the master database's companies with
 * these variations, so matching is tested against realistic mess (Dynamics stores countries as free text).
 */
export type Random = () => number;

const COUNTRY_SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  US: ['United States', 'United States', 'USA', 'U.S.', 'US', 'United States of America', 'usa', 'U.S.A.'],
  GB: ['United Kingdom', 'UK', 'U.K.', 'England', 'Great Britain', 'united kingdom'],
  DE: ['Germany', 'Deutschland', 'DE', 'germany', 'Federal Republic of Germany'],
  FR: ['France', 'FR', 'france', 'République française'],
  CA: ['Canada', 'CA', 'canada', 'CAN'],
  AU: ['Australia', 'AU', 'australia', 'AUS'],
  IN: ['India', 'IN', 'india', 'Bharat'],
  JP: ['Japan', 'JP', 'japan', 'Nippon'],
  NL: ['Netherlands', 'The Netherlands', 'Holland', 'NL', 'Nederland'],
  ES: ['Spain', 'España', 'ES', 'spain'],
  IT: ['Italy', 'Italia', 'IT', 'italy'],
  SE: ['Sweden', 'Sverige', 'SE'],
  CH: ['Switzerland', 'Schweiz', 'Suisse', 'CH'],
  BR: ['Brazil', 'Brasil', 'BR'],
  SG: ['Singapore', 'SG', 'Republic of Singapore'],
  IE: ['Ireland', 'Republic of Ireland', 'IE', 'Éire'],
  DK: ['Denmark', 'Danmark', 'DK'],
  NO: ['Norway', 'Norge', 'NO'],
  BE: ['Belgium', 'Belgique', 'België', 'BE'],
  AT: ['Austria', 'Österreich', 'AT'],
  PL: ['Poland', 'Polska', 'PL'],
  MX: ['Mexico', 'México', 'MX'],
  NZ: ['New Zealand', 'NZ', 'Aotearoa'],
  FI: ['Finland', 'Suomi', 'FI'],
};

export function pickFrom<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** A free-text country as a CRM user typed it; the canonical English name most of the time, sometimes missing. */
export function messyCountry(random: Random, countryCode: string): string | null {
  const roll = random();
  if (roll < 0.06) return null;
  const spellings = COUNTRY_SPELLINGS[countryCode] ?? [countryCode];
  if (roll < 0.6) return spellings[0] ?? countryCode;
  return pickFrom(random, spellings);
}

const LEGAL_FORM_VARIANTS: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/ Inc\.$/, [' Inc', ', Inc.', ' Incorporated', '']],
  [/ LLC$/, [', LLC', ' L.L.C.', '']],
  [/ Corp\.$/, [' Corp', ' Corporation', '']],
  [/ Ltd$/, [' Ltd.', ' Limited', ' LTD', '']],
  [/ Limited$/, [' Ltd', ' Ltd.', '']],
  [/ GmbH$/, [' Gmbh', ' GMBH', '']],
  [/ Pty Ltd$/, [' Pty. Ltd.', ' PTY LTD', '']],
  [/ B\.V\.$/, [' BV', ' B.V', '']],
  [/ S\.A\.$/, [' SA', '']],
  [/ AB$/, [' Aktiebolag', '']],
];

/** The company name with the typical variations: legal form respelled or dropped, case, '&' vs 'and', stray spaces. */
export function messyName(random: Random, name: string): string {
  let result = name;
  if (random() < 0.35) {
    for (const [pattern, variants] of LEGAL_FORM_VARIANTS) {
      if (pattern.test(result)) {
        result = result.replace(pattern, pickFrom(random, variants));
        break;
      }
    }
  }
  const roll = random();
  if (roll < 0.05) result = result.toUpperCase();
  else if (roll < 0.09) result = result.toLowerCase();
  else if (roll < 0.14) result = result.includes(' & ') ? result.replace(' & ', ' and ') : result.replace(' and ', ' & ');
  else if (roll < 0.18) result = `${result} `;
  else if (roll < 0.21) result = result.replace(/ /, '  ');
  else if (roll < 0.24) result = `${result} (${pickFrom(random, ['HQ', 'old', 'DO NOT USE', 'EMEA', 'Parent'])})`;
  return result;
}

/** The website field as typed: bare domain, www., scheme, trailing path, or missing. */
export function messyWebsite(random: Random, domain: string): string | null {
  const roll = random();
  if (roll < 0.1) return null;
  if (roll < 0.35) return domain;
  if (roll < 0.6) return `www.${domain}`;
  if (roll < 0.8) return `https://www.${domain}/`;
  if (roll < 0.88) return `http://${domain}`;
  if (roll < 0.94) return `https://${domain}/en-us/home`;
  return `WWW.${domain.toUpperCase()}`;
}

const FIRST_NAMES = ['James', 'Mary', 'Wei', 'Aisha', 'Lukas', 'Sofia', 'Hiroshi', 'Priya', 'Mateo', 'Emma', 'Olivia', 'Noah', 'Chloé', 'Jan', 'Ingrid', 'Rahul', 'Yuki', 'Carlos', 'Fatima', 'Liam', 'Anna', 'Kenji', 'Lucía', 'Pierre'] as const;
const LAST_NAMES = ['Smith', 'Johnson', 'Müller', 'Dubois', 'Tanaka', 'Sharma', 'García', 'Rossi', 'Jansen', 'Nilsson', 'Brown', 'Nguyen', 'Kowalski', "O'Brien", 'Silva', 'Chen', 'Patel', 'Schmidt', 'Martin', 'Lee'] as const;
const JOB_TITLES = ['VP Marketing', 'Head of Demand Generation', 'CMO', 'Marketing Operations Manager', 'Director of Sales', 'CFO', 'IT Manager', 'Procurement Lead', 'CEO', 'Growth Marketer', null] as const;

export function personName(random: Random): { firstname: string; lastname: string } {
  return { firstname: pickFrom(random, FIRST_NAMES), lastname: pickFrom(random, LAST_NAMES) };
}

export function jobTitle(random: Random): string | null {
  return pickFrom(random, JOB_TITLES);
}

/** A work e-mail at the company's domain, in one of the usual local-part patterns. */
export function workEmail(random: Random, firstname: string, lastname: string, domain: string): string {
  const first = firstname.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '');
  const last = lastname.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '');
  const pattern = pickFrom(random, [`${first}.${last}`, `${first[0] ?? ''}${last}`, first, `${first}_${last}`]);
  return `${pattern}@${domain}`;
}

export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A GUID from the seeded generator, so the same seed gives the same ids. */
export function seededGuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
