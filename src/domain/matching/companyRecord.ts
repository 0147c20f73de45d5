import { headerKey } from './accountColumns';
import { normalizeCountry } from './normalizeCountry';
import { normalizeMasterDomain } from './normalizeDomain';

/** A master company ready to store: domains registrable, country ISO alpha-2. */
export interface CompanyRecord {
  id: string;
  name: string;
  domain: string | null;
  otherDomains: string[];
  country: string | null;
  region: string | null;
  city: string | null;
  industry: string | null;
  employeeRange: string | null;
  revenueRange: string | null;
  /** Columns beyond the known ones, by their header. */
  firmographics: Record<string, string>;
  /** Other names the company goes by (GLEIF trading, previous or transliterated names): the matcher finds it by them too. */
  otherNames?: string[];
  /**
   * The open data sets an import took the company from, one entry each, and a `csv` entry per CSV row of an open
   * data company (absent for other CSV imports).
   */
  provenance?: CompanyProvenance[] | null;
}

/** The open data set a master company was imported from (or `csv`: an operator's CSV row of an open data company). */
export interface CompanyProvenance {
  source: 'gleif' | 'sec' | 'wikidata' | 'csv';
  /** The company's id in that data set (LEI, CIK, Wikidata QID; the row's company_id for a CSV row). */
  sourceId: string;
  dataset: string;
  licence: string;
  /** The imported file's name. */
  file: string;
  /** ISO 8601. */
  importedAt: string;
}

export type CompanyRecordResult = { isValid: true; company: CompanyRecord } | { isValid: false; reason: string };

const knownColumns: Record<string, keyof CompanyRecord> = {
  companyid: 'id', id: 'id', name: 'name', companyname: 'name', domain: 'domain', website: 'domain',
  otherdomains: 'otherDomains', domains: 'otherDomains', country: 'country', countrycode: 'country', region: 'region',
  state: 'region', city: 'city', industry: 'industry', employeerange: 'employeeRange', employees: 'employeeRange',
  revenuerange: 'revenueRange', revenue: 'revenueRange',
};

/** Which CompanyRecord field each header column feeds (undefined: kept in firmographics under its header). */
export function companyColumnFields(header: readonly string[]): (keyof CompanyRecord | undefined)[] {
  return header.map((column) => knownColumns[headerKey(column)]);
}

/**
 * Validates and normalises one row of a companies file. Rejected rows say why, in words an admin can act on.
 */
export function toCompanyRecord(header: readonly string[], fields: readonly string[]): CompanyRecordResult {
  const columnFields = companyColumnFields(header);
  const values: Partial<Record<keyof CompanyRecord, string>> = {};
  const firmographics: Record<string, string> = {};
  columnFields.forEach((field, position) => {
    const value = (fields[position] ?? '').trim();
    if (value === '') return;
    if (field) values[field] = value;
    else firmographics[header[position] ?? `column_${position + 1}`] = value;
  });
  const id = values.id ?? '';
  if (id === '') return { isValid: false, reason: 'company_id is empty' };
  if (id.length > 200) return { isValid: false, reason: 'company_id is longer than 200 characters' };
  const name = values.name ?? '';
  if (name === '') return { isValid: false, reason: 'name is empty' };
  if (name.length > 500) return { isValid: false, reason: 'name is longer than 500 characters' };
  let domain: string | null = null;
  if (values.domain) {
    domain = normalizeMasterDomain(values.domain);
    if (!domain) return { isValid: false, reason: `domain "${values.domain}" is not a website or domain name` };
  }
  let country: string | null = null;
  if (values.country) {
    country = normalizeCountry(values.country);
    if (!country) return { isValid: false, reason: `country "${values.country}" is not a recognised country name or ISO code` };
  }
  const otherDomains = parseOtherDomains(values.otherDomains ?? '', domain);
  if (!otherDomains.isValid) return otherDomains;
  return {
    isValid: true,
    company: {
      id,
      name,
      domain,
      otherDomains: otherDomains.otherDomains,
      country,
      region: values.region ?? null,
      city: values.city ?? null,
      industry: values.industry ?? null,
      employeeRange: values.employeeRange ?? null,
      revenueRange: values.revenueRange ?? null,
      firmographics,
    },
  };
}

export type OtherDomainsResult = { isValid: true; otherDomains: string[] } | { isValid: false; reason: string };

/**
 * A company's other domains from its other_domains field (separated by ";", "|" or white space), registrable and
 * each once, the main domain (normalised) left out. The same rule for the database's import of companies and for
 * the index built straight from a CSV file (masterCsvRows.ts), so that the same file gives the same matches either
 * way. As the main domain: a value that is not a domain makes the row invalid, with its reason, rather than vanishing.
 */
export function parseOtherDomains(cell: string, mainDomain: string | null): OtherDomainsResult {
  const otherDomains: string[] = [];
  for (const part of cell.split(/[;|\s]+/)) {
    if (part === '') continue;
    const otherDomain = normalizeMasterDomain(part);
    if (!otherDomain) return { isValid: false, reason: `other_domains "${part}" is not a website or domain name` };
    if (otherDomain !== mainDomain && !otherDomains.includes(otherDomain)) otherDomains.push(otherDomain);
  }
  return { isValid: true, otherDomains };
}
