import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };

countries.registerLocale(en);

/** How CRM users really type company data: the demo org's accounts and leads carry these variants. */
export type Random = () => number;

const LEGAL_FORMS = [
  'GmbH & Co. KG', 'S. de R.L. de C.V.', 'S.A. de C.V.', 'Kabushiki Kaisha', 'Private Limited', 'Pty. Limited', 'sp. z o.o.', 'AB (publ)',
  'Pvt. Ltd.', 'Pvt Ltd', 'Pte. Ltd.', 'Pte Ltd', 'Pty Ltd', 'Co., Ltd.', 'Corporation', 'Limited', 'Inc.', 'Inc', 'LLC', 'LLP', 'Corp.', 'Corp',
  'Co.', 'Ltd.', 'Ltd', 'Ltda.', 'PLC', 'GmbH', 'AG', 'SE', 'e.K.', 'S.A.', 'SA', 'SAS', 'SARL', 'Sàrl', 'S.L.U.', 'S.L.', 'S.p.A.', 'S.r.l.', 'SRL',
  'B.V.', 'BV', 'N.V.', 'NV', 'A/S', 'ApS', 'AB', 'ASA', 'AS', 'Oyj', 'Oy', 'K.K.', 'DAC',
];
const LEGAL_FORM = new RegExp(`,?\\s+(${LEGAL_FORMS.map((form) => form.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);

const ABBREVIATIONS: readonly (readonly [RegExp, string])[] = [
  [/\bInternational\b/, 'Intl'], [/\bTechnologies\b/, 'Tech'], [/\bManufacturing\b/, 'Mfg'], [/\bAssociates\b/, 'Assoc.'],
  [/\bSolutions\b/, 'Solns'], [/\bCorporation\b/, 'Corp'], [/\bCompany\b/, 'Co'], [/\bGroup\b/, 'Grp'],
];

export function messyCompanyName(name: string, random: Random): string {
  const roll = random();
  if (roll < 0.4) return name;
  if (roll < 0.56) return name.replace(LEGAL_FORM, '') || name;
  if (roll < 0.64) return LEGAL_FORM.test(name) ? name.replace(LEGAL_FORM, (_m, form: string) => `, ${form}`) : `${name}, Inc.`;
  if (roll < 0.73) return name.toUpperCase();
  if (roll < 0.77) return name.toLowerCase();
  if (roll < 0.83) return /^the\s/i.test(name) ? name.replace(/^the\s+/i, '') : `The ${name}`;
  if (roll < 0.88) return `${name.replace(/ /, '  ')} `;
  if (roll < 0.94) return name.replace(/ & /g, ' and ');
  const abbreviated = ABBREVIATIONS.reduce((text, [pattern, short]) => text.replace(pattern, short), name);
  return abbreviated === name ? name.replace(/\./g, '') : abbreviated;
}

export function messyWebsite(domain: string, random: Random): string | null {
  const roll = random();
  if (roll < 0.08) return null;
  if (roll < 0.3) return `https://www.${domain}`;
  if (roll < 0.45) return `www.${domain}`;
  if (roll < 0.6) return domain;
  if (roll < 0.7) return `http://${domain}/`;
  if (roll < 0.78) return `https://${domain}/`;
  if (roll < 0.86) return `https://www.${domain}/en-us/home`;
  if (roll < 0.92) return `http://www.${domain}/about-us/`;
  return `WWW.${domain.toUpperCase()}`;
}

const ALIASES: Record<string, readonly string[]> = {
  US: ['USA', 'U.S.', 'United States of America', 'US', 'america'],
  GB: ['UK', 'U.K.', 'England', 'Great Britain'],
  DE: ['Deutschland', 'Germany (DE)'],
  NL: ['Holland', 'The Netherlands'],
  CH: ['Schweiz', 'Suisse'],
  ES: ['España'],
  JP: ['Nippon'],
};

export function messyCountry(iso2: string, random: Random): string | null {
  const roll = random();
  if (roll < 0.1) return null;
  if (roll < 0.35) return iso2;
  if (roll < 0.45) return countries.alpha2ToAlpha3(iso2) ?? iso2;
  const name = countries.getName(iso2, 'en') ?? iso2;
  if (roll < 0.8) return name;
  if (roll < 0.85) return name.toUpperCase();
  const aliases = ALIASES[iso2];
  if (aliases && roll < 0.95) return aliases[Math.floor(random() * aliases.length)] ?? name;
  return ` ${name.toLowerCase()}`;
}

export const personalEmailDomains = ['gmail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'icloud.com', 'aol.com', 'gmx.de', 'web.de', 'yahoo.co.uk'];

export const firstNames = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Barbara',
  'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Priya', 'Rahul', 'Yuki', 'Hiroshi', 'Lukas', 'Anna', 'Sophie',
  'Mateo', 'Lucía', 'Giulia', 'Marco', 'Emma', 'Noah', 'Olivia', 'Liam', 'Chloé', 'Hugo', 'Lars', 'Ingrid', 'Aisha', 'Omar', 'Wei',
];

export const lastNames = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez',
  'Müller', 'Schmidt', 'Schneider', 'Dubois', 'Martin', 'Bernard', 'Rossi', 'Russo', 'Tanaka', 'Suzuki', 'Sato', 'Patel',
  'Sharma', 'Singh', 'Kumar', 'Andersson', 'Johansson', 'Nielsen', "O'Brien", 'Murphy', 'Kelly', 'Chen', 'Wang', 'Kim', 'Nguyen',
];

export const titles = [
  'VP of Marketing', 'Director of Demand Generation', 'Marketing Manager', 'CMO', 'Head of Sales', 'Sales Director', 'CEO',
  'CTO', 'IT Manager', 'Procurement Lead', 'Operations Manager', 'Founder', 'Account Executive', 'Software Engineer', null,
];

/** ASCII local part for an e-mail address. */
export function emailLocalPart(first: string, last: string, random: Random): string {
  const ascii = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z]/g, '').toLowerCase();
  const roll = random();
  if (roll < 0.5) return `${ascii(first)}.${ascii(last)}`;
  if (roll < 0.75) return `${ascii(first).charAt(0)}${ascii(last)}`;
  if (roll < 0.9) return ascii(first);
  return `${ascii(first)}_${ascii(last)}${Math.floor(random() * 90 + 10)}`;
}

/** Small, fast, seedable PRNG (public-domain mulberry32). */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
