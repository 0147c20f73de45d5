// Open company data sets mapped onto master company records (pure): the GLEIF LEI golden copy (CSV, CC0), SEC
// EDGAR's company_tickers.json (public domain) and a Wikidata SPARQL export (CSV, CC0). Each record keeps where
// it came from (data set, its id there, licence) in its provenance.
import { headerKey } from '../../../domain/matching/accountColumns';
import type { CompanyProvenance, CompanyRecord } from '../../../domain/matching/companyRecord';
import { normalizeCountry } from '../../../domain/matching/normalizeCountry';
import { normalizeDomain } from '../../../domain/matching/normalizeDomain';

export const openDataFormats = ['gleif', 'sec', 'wikidata'] as const;
export type OpenDataFormat = (typeof openDataFormats)[number];

export const openDataLicences: Record<OpenDataFormat, { dataset: string; licence: string }> = {
  gleif: { dataset: 'GLEIF LEI golden copy', licence: 'CC0 1.0' },
  sec: { dataset: 'SEC EDGAR company_tickers.json', licence: 'Public domain (U.S. government work)' },
  wikidata: { dataset: 'Wikidata', licence: 'CC0 1.0' },
};

export type OpenDataRowResult = { isValid: true; company: CompanyRecord } | { isValid: false; reason: string };

/** A header that does not belong to the format: the file is refused before anything is written. */
export class OpenDataFormatError extends Error {}

const maxNameLength = 500;

function provenance(format: OpenDataFormat, sourceId: string, file: string, importedAt: string): CompanyProvenance[] {
  return [{ source: format, sourceId, dataset: openDataLicences[format].dataset, licence: openDataLicences[format].licence, file, importedAt }];
}

/**
 * A field's value on one line: a quoted line break inside a name or an address is an export's artefact (a company
 * name shown, exported or matched with a line break in it helps no one).
 */
function fieldAt(fields: readonly string[], position: number): string {
  return position >= 0 ? oneLine(fields[position] ?? '') : '';
}

function oneLine(value: string): string {
  return value.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

function emptyRecord(id: string, name: string): CompanyRecord {
  return { id, name, domain: null, otherDomains: [], country: null, region: null, city: null, industry: null, employeeRange: null, revenueRange: null, firmographics: {} };
}

/** ISO 17442: 18 letters or digits and 2 check digits, ISO 7064 MOD 97-10 (as IBANs). */
export function isValidLei(lei: string): boolean {
  if (!/^[A-Z0-9]{18}[0-9]{2}$/.test(lei)) return false;
  let remainder = 0;
  for (const character of lei) {
    const value = Number.parseInt(character, 36);
    remainder = (value > 9 ? remainder * 100 + value : remainder * 10 + value) % 97;
  }
  return remainder === 1;
}

export interface GleifColumns {
  lei: number;
  legalName: number;
  otherNames: number[];
  legalForm: number;
  country: number;
  city: number;
  region: number;
  status: number;
}

/** The GLEIF golden-copy columns this import reads; LEI and Entity.LegalName are required. */
export function gleifColumns(header: readonly string[]): GleifColumns {
  const at = (name: string): number => header.findIndex((column) => column.trim() === name);
  const columns: GleifColumns = {
    lei: at('LEI'),
    legalName: at('Entity.LegalName'),
    otherNames: header.flatMap((column, position) => (/^Entity\.(Transliterated)?OtherEntityNames\.(Transliterated)?OtherEntityName\.\d+$/.test(column.trim()) ? [position] : [])),
    legalForm: at('Entity.LegalForm.EntityLegalFormCode'),
    country: at('Entity.LegalAddress.Country'),
    city: at('Entity.LegalAddress.City'),
    region: at('Entity.LegalAddress.Region'),
    status: at('Entity.EntityStatus'),
  };
  const missing = [columns.lei < 0 ? 'LEI' : '', columns.legalName < 0 ? 'Entity.LegalName' : ''].filter(Boolean);
  if (missing.length > 0) throw new OpenDataFormatError(`this is not a GLEIF LEI golden-copy CSV: the header has no ${missing.join(' or ')} column (found: ${header.slice(0, 6).join(', ')}${header.length > 6 ? ', …' : ''})`);
  return columns;
}

export function gleifCompany(columns: GleifColumns, fields: readonly string[], file: string, importedAt: string): OpenDataRowResult {
  const field = (position: number): string => fieldAt(fields, position);
  const lei = field(columns.lei).toUpperCase();
  if (lei === '') return { isValid: false, reason: 'LEI is empty' };
  if (!isValidLei(lei)) return { isValid: false, reason: `LEI "${lei}" is not a valid LEI (20 characters with ISO 17442 check digits)` };
  const name = field(columns.legalName);
  if (name === '') return { isValid: false, reason: `Entity.LegalName is empty for LEI ${lei}` };
  if (name.length > maxNameLength) return { isValid: false, reason: `Entity.LegalName is longer than ${maxNameLength} characters for LEI ${lei}` };
  const company = emptyRecord(`lei:${lei}`, name);
  company.country = normalizeCountry(field(columns.country));
  company.city = field(columns.city) || null;
  company.region = field(columns.region) || null;
  company.firmographics = { lei };
  // Trading, previous and transliterated names: the matcher finds the company by them too.
  const otherNames = [...new Set(columns.otherNames.map(field).filter((other) => other !== '' && other !== name && other.length <= maxNameLength))];
  if (otherNames.length > 0) company.otherNames = otherNames;
  const legalForm = field(columns.legalForm);
  if (legalForm) company.firmographics.legal_form_code = legalForm;
  const status = field(columns.status);
  if (status) company.firmographics.entity_status = status;
  company.provenance = provenance('gleif', lei, file, importedAt);
  return { isValid: true, company };
}

/** One entry of company_tickers.json: {"cik_str": 320193, "ticker": "AAPL", "title": "Apple Inc."}. */
export interface SecTickerEntry {
  cik_str?: unknown;
  ticker?: unknown;
  title?: unknown;
}

/**
 * SEC entries, one company per CIK: a company listed under several tickers (share classes) is one record with
 * all of them.
 */
export function secCompany(entry: SecTickerEntry, otherTickers: readonly string[], file: string, importedAt: string): OpenDataRowResult {
  const cik = typeof entry.cik_str === 'number' || typeof entry.cik_str === 'string' ? String(entry.cik_str).trim() : '';
  if (!/^\d{1,10}$/.test(cik)) return { isValid: false, reason: `cik_str ${JSON.stringify(entry.cik_str ?? null)} is not a CIK (a number of up to 10 digits)` };
  const title = typeof entry.title === 'string' ? oneLine(entry.title) : '';
  if (title === '') return { isValid: false, reason: `title is empty for CIK ${cik}` };
  if (title.length > maxNameLength) return { isValid: false, reason: `title is longer than ${maxNameLength} characters for CIK ${cik}` };
  const paddedCik = cik.padStart(10, '0');
  const company = emptyRecord(`cik:${paddedCik}`, title);
  const ticker = typeof entry.ticker === 'string' ? entry.ticker.trim() : '';
  const tickers = [...new Set([ticker, ...otherTickers].filter((value) => value !== ''))];
  company.firmographics = { cik: paddedCik };
  if (tickers.length > 0) company.firmographics.tickers = tickers.join('; ');
  company.provenance = provenance('sec', paddedCik, file, importedAt);
  return { isValid: true, company };
}

export interface WikidataColumns {
  qid: number;
  name: number;
  website: number;
  country: number;
  industry: number;
  employees: number;
  /** Optional: the item's LEI (P1278) and SEC CIK (P5531), which merge it with that GLEIF or SEC record's company. */
  lei: number;
  cik: number;
}

/** A Wikidata SPARQL export's columns (qid and name required; "item"/"itemLabel" as the query service names them are accepted too). */
export function wikidataColumns(header: readonly string[]): WikidataColumns {
  const keys = header.map(headerKey);
  const at = (...names: string[]): number => keys.findIndex((key) => names.includes(key));
  const columns: WikidataColumns = {
    qid: at('qid', 'item'),
    name: at('name', 'itemlabel'),
    website: at('website', 'officialwebsite'),
    country: at('country', 'countrylabel', 'countrycode'),
    industry: at('industry', 'industrylabel'),
    employees: at('employees', 'numberofemployees'),
    lei: at('lei', 'p1278', 'legalentityidentifier'),
    cik: at('cik', 'p5531', 'centralindexkey'),
  };
  const missing = [columns.qid < 0 ? 'qid' : '', columns.name < 0 ? 'name' : ''].filter(Boolean);
  if (missing.length > 0) throw new OpenDataFormatError(`this is not a Wikidata company export: the header has no ${missing.join(' or ')} column (expected qid,name,website,country,industry,employees and optionally lei,cik; found: ${header.slice(0, 6).join(', ')})`);
  return columns;
}

export function wikidataCompany(columns: WikidataColumns, fields: readonly string[], file: string, importedAt: string): OpenDataRowResult {
  const field = (position: number): string => fieldAt(fields, position);
  const rawQid = field(columns.qid);
  // The query service writes items as entity URIs; some SPARQL tools as prefixed names (wd:Q42).
  const qid = rawQid.replace(/^(https?:\/\/(www\.)?wikidata\.org\/(entity|wiki)\/|wd:)/, '');
  if (qid === '') return { isValid: false, reason: 'qid is empty' };
  if (!/^Q[1-9]\d*$/.test(qid)) return { isValid: false, reason: `qid "${rawQid}" is not a Wikidata item id (Q followed by digits)` };
  const name = field(columns.name);
  if (name === '' || name === qid) return { isValid: false, reason: `name is empty for ${qid}` };
  if (name.length > maxNameLength) return { isValid: false, reason: `name is longer than ${maxNameLength} characters for ${qid}` };
  const lei = field(columns.lei).toUpperCase();
  if (lei !== '' && !isValidLei(lei)) return { isValid: false, reason: `lei "${lei}" is not a valid LEI (20 characters with ISO 17442 check digits) for ${qid}` };
  const cik = field(columns.cik);
  if (cik !== '' && !/^\d{1,10}$/.test(cik)) return { isValid: false, reason: `cik "${cik}" is not a CIK (a number of up to 10 digits) for ${qid}` };
  const company = emptyRecord(`wikidata:${qid}`, name);
  const website = field(columns.website);
  company.domain = website ? normalizeDomain(website) : null;
  const country = field(columns.country);
  company.country = country ? normalizeCountry(country) : null;
  company.industry = field(columns.industry) || null;
  const employees = Number(field(columns.employees).replace(/[,_\s]/g, ''));
  company.employeeRange = field(columns.employees) !== '' && Number.isFinite(employees) && employees >= 0 ? employeeRange(employees) : null;
  company.firmographics = { qid };
  if (lei) company.firmographics.lei = lei;
  if (cik) company.firmographics.cik = cik.padStart(10, '0');
  if (website && !company.domain) company.firmographics.website = website;
  if (country && !company.country) company.firmographics.country_label = country;
  if (company.employeeRange) company.firmographics.employees = String(Math.round(employees));
  company.provenance = provenance('wikidata', qid, file, importedAt);
  return { isValid: true, company };
}

const employeeBands: readonly [number, string][] = [
  [10, '1-10'],
  [50, '11-50'],
  [200, '51-200'],
  [500, '201-500'],
  [1000, '501-1000'],
  [5000, '1001-5000'],
  [10000, '5001-10000'],
];

/** The master's employee bands ("1-10" … "10001+"). */
export function employeeRange(employees: number): string {
  for (const [upTo, band] of employeeBands) if (employees <= upTo) return band;
  return '10001+';
}
