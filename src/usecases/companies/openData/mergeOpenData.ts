// One company, several open data sets (pure): what a data set's record is matched on, which company already
// imported from another set it names (only on strong evidence), and the company composed from its records.
import type { CompanyRecord } from '../../../domain/matching/companyRecord';
import { buildExclusionSet } from '../../../domain/matching/excludedDomains';
import { normalizeDomain } from '../../../domain/matching/normalizeDomain';
import { normalizeName } from '../../../domain/matching/normalizeName';
import type { SourceKeysRow, SourceMatchKeys } from '../../../adapters/db/repositories/companySources';

/** Shared hosts (mail, social networks, site builders) say nothing about which company a website is. */
const sharedDomains = buildExclusionSet();
/** Other names a composed company keeps (the index keys at most 8 besides the main name). */
const maxOtherNames = 16;

/**
 * A record's match keys: its exact identifiers (identifiersOf), its normalised names (legal and other names, as the
 * matcher normalises them), its country and its domains. SEC's company_tickers.json names no country: its
 * registrants are matched as US companies, so a foreign issuer merges with no one by name (a missed merge leaves two
 * companies; a wrong one would lose one).
 */
export function matchKeysOf(source: string, record: CompanyRecord): SourceMatchKeys {
  // An operator's CSV row of an open data company (csvRowsOfOpenDataCompanies.ts) is matched by its company id
  // only, an identifier claim as strong as the data sets' own (a GLEIF record, or a Wikidata item carrying the LEI,
  // joins the company the row of `lei:<LEI>` made); never by what else the row says (names, domains).
  if (source === 'csv') return { nameKeys: [], country: null, domains: [], identifiers: identifierOfCompanyId(record.id) };
  const nameKeys: string[] = [];
  for (const name of [record.name, ...(record.otherNames ?? [])]) {
    const key = normalizeName(name)?.key;
    if (key && !nameKeys.includes(key)) nameKeys.push(key);
  }
  const domains: string[] = [];
  for (const raw of [record.domain, ...record.otherDomains]) {
    const domain = normalizeDomain(raw);
    if (domain && !sharedDomains.has(domain) && !domains.includes(domain)) domains.push(domain);
  }
  const identifiers = identifiersOf(record);
  // A Wikidata item is found by its own id too: an operator's CSV row of `wikidata:Q…` claims it.
  const qid = source === 'wikidata' ? record.firmographics.qid : undefined;
  if (qid) identifiers.push(`wikidata:${qid}`);
  return { nameKeys, country: record.country ?? (source === 'sec' ? 'US' : null), domains, identifiers };
}

/**
 * The identifier an open data company id claims, as match keys write them: `lei:<LEI>` (upper case), `cik:<10
 * digits>` (leading zeros or not), `wikidata:Q…`; none for other ids.
 */
export function identifierOfCompanyId(companyId: string): string[] {
  const match = /^(lei|cik|wikidata):(.+)$/.exec(companyId);
  const value = match?.[2]?.trim() ?? '';
  if (match?.[1] === 'lei' && value !== '') return [`lei:${value.toUpperCase()}`];
  if (match?.[1] === 'cik' && /^\d{1,10}$/.test(value)) return [`cik:${value.padStart(10, '0')}`];
  if (match?.[1] === 'wikidata' && /^Q[1-9]\d*$/.test(value)) return [`wikidata:${value}`];
  return [];
}

/**
 * The exact identifiers a record carries, as `lei:<LEI>` and `cik:<10 digits>`: a GLEIF record's LEI, an SEC
 * record's CIK, a Wikidata item's LEI (P1278) and CIK (P5531). The formats put them in firmographics `lei` and `cik`
 * (validated there; several values of a Wikidata item are separated by "; ").
 */
export function identifiersOf(record: CompanyRecord): string[] {
  const identifiers: string[] = [];
  const valuesOf = (field: string): string[] => (record.firmographics[field] ?? '').split(/[;\s]+/).filter((value) => value !== '');
  for (const lei of valuesOf('lei')) identifiers.push(`lei:${lei.toUpperCase()}`);
  for (const cik of valuesOf('cik')) if (/^\d{1,10}$/.test(cik)) identifiers.push(`cik:${cik.padStart(10, '0')}`);
  return [...new Set(identifiers)];
}

/** An existing company's records' keys, gathered per company. */
export interface ExistingCompanyKeys {
  companyId: string;
  sources: Set<string>;
  records: SourceKeysRow[];
}

export function groupByCompany(rows: readonly SourceKeysRow[]): Map<string, ExistingCompanyKeys> {
  const companies = new Map<string, ExistingCompanyKeys>();
  for (const row of rows) {
    let company = companies.get(row.companyId);
    if (!company) {
      company = { companyId: row.companyId, sources: new Set(), records: [] };
      companies.set(row.companyId, company);
    }
    company.sources.add(row.source);
    company.records.push(row);
  }
  return companies;
}

/** Where an incoming record goes: into a company by identifier or by domain / name and country, or into none. */
export type MergeDecision =
  | { merge: 'identifier' | 'keys'; companyId: string }
  /** Its identifiers name a company it cannot join: it becomes a company of its own, and the import reports why. */
  | { merge: 'conflict'; reason: string }
  | { merge: 'none' };

/**
 * The one existing company an incoming record of `source` is the same company as. First by exact identifier: the
 * company holding a record of another data set with one of its identifiers (a Wikidata item's LEI is that GLEIF
 * record's, its CIK that SEC record's; a GLEIF or SEC record finds the Wikidata item that carries its id; any record
 * finds the company an operator's CSV row of `lei:<its LEI>`, `cik:<its CIK>` or `wikidata:<its item>` is part of).
 * When its identifiers name two companies (the LEI one, the CIK another; a company of CSV rows only is not counted:
 * see below), or the one they name already holds a record of
 * this data set (or another record of this import went there), the record merges into none and is a conflict: an
 * identifier is stronger evidence than any name, so no name may send it elsewhere either.
 *
 * Without an identifier match, strong evidence only: a record of another data set with the same domain (countries
 * not disagreeing), or the same normalised name (legal or other name) in the same country — never a company whose
 * records carry an identifier of a kind the incoming record has, but another value (another LEI is another legal
 * entity). Never a company that already holds a record of the same data set (two LEIs are two legal entities), nor
 * one claimed by another record of this import; two companies matching is no match.
 */
export function companyToMergeInto(source: string, keys: SourceMatchKeys, candidates: Iterable<ExistingCompanyKeys>, claimed: ReadonlySet<string>): MergeDecision {
  const companies = [...candidates];
  const identified = new Map<ExistingCompanyKeys, string[]>();
  for (const company of companies) {
    const shared = company.records.flatMap((record) => (record.source === source ? [] : record.identifiers.filter((identifier) => keys.identifiers.includes(identifier))));
    if (shared.length > 0) identified.set(company, [...new Set(shared)]);
  }
  let identifiedCompany = identified.size === 1 ? [...identified][0] : undefined;
  if (identified.size > 1) {
    // A company that only operators' CSV rows make so far (their ids claim the record's identifiers) is no rival:
    // the record proves it the same company as the one the data sets' identifiers name, and the import joins the
    // two (joinCompaniesSharingIdentifiers). Only claims: the company of the record's first identifier.
    const rivals = [...identified].filter(([company]) => !isClaimsOnly(company));
    if (rivals.length > 1) {
      const named = rivals.map(([company, shared]) => `${shared.join(', ')} → company ${company.companyId}`).join('; ');
      return { merge: 'conflict', reason: `its identifiers name different companies (${named}): merged into neither, imported as a company of its own` };
    }
    const rank = (shared: string[]): number => Math.min(...shared.map((identifier) => keys.identifiers.indexOf(identifier)));
    identifiedCompany = rivals[0] ?? [...identified].sort(([, a], [, b]) => rank(a) - rank(b))[0];
  }
  if (identifiedCompany) {
    const [company, shared] = identifiedCompany;
    if (company.sources.has(source)) return { merge: 'conflict', reason: `${shared.join(', ')} → company ${company.companyId}, which already holds another ${source} record: not merged, imported as a company of its own` };
    if (claimed.has(company.companyId)) return { merge: 'conflict', reason: `${shared.join(', ')} → company ${company.companyId}, which another record of this file was merged into: not merged, imported as a company of its own` };
    return { merge: 'identifier', companyId: company.companyId };
  }
  let found: string | undefined;
  for (const company of companies) {
    if (company.sources.has(source) || claimed.has(company.companyId) || hasOtherIdentifier(keys, company)) continue;
    if (!company.records.some((record) => isSameCompany(keys, record))) continue;
    if (found !== undefined) return { merge: 'none' };
    found = company.companyId;
  }
  return found === undefined ? { merge: 'none' } : { merge: 'keys', companyId: found };
}

/** A company of operators' CSV rows only (csvRowsOfOpenDataCompanies.ts): no data set record of it is imported yet. */
export function isClaimsOnly(company: ExistingCompanyKeys): boolean {
  return [...company.sources].every((source) => source === 'csv');
}

/** The company carries an LEI (or a CIK, a Wikidata id: an operator's claim) and the record another one (called when no identifier is shared). */
function hasOtherIdentifier(keys: SourceMatchKeys, company: ExistingCompanyKeys): boolean {
  return ['lei:', 'cik:', 'wikidata:'].some(
    (kind) => keys.identifiers.some((identifier) => identifier.startsWith(kind)) && company.records.some((record) => record.identifiers.some((identifier) => identifier.startsWith(kind))),
  );
}

/** Another record of the same company, as the import has it (its data set and the record). */
export interface FellowRecord {
  source: string;
  record: CompanyRecord;
}

/**
 * Why a record re-imported into a company it was merged into no longer belongs there on the evidence, or undefined
 * when it does: it shares no identifier (LEI, CIK), no domain and no name in the same country with any other data
 * set's record of the company (a Wikidata item that carried a GLEIF company's LEI, re-imported without it). Records
 * of its own data set and operators' CSV rows are no evidence either way.
 *
 * The company is kept merged, and the import reports it with the ids. Splitting it again is not done: when the
 * companies were joined, tenants' rows (segment members, match results, CRM links, visits) were moved to the one
 * company, and two rows that became the same fact were kept once; which of them belonged to which company is not
 * recorded, so a split would leave every row with one half and could not give the other half back what it lost.
 * And the evidence going is often an edit of the data set (an identifier removed by mistake, or moved to a parent
 * item) rather than a wrong join: an operator who reads the ids can check the item and decide.
 */
export function lostJoinEvidence(source: string, incoming: CompanyRecord, stored: CompanyRecord, fellows: readonly FellowRecord[]): string | undefined {
  const others = fellows.filter((fellow) => fellow.source !== source && fellow.source !== 'csv');
  if (others.length === 0) return undefined;
  const keys = matchKeysOf(source, incoming);
  for (const other of others) {
    const otherKeys = matchKeysOf(other.source, other.record);
    if (otherKeys.identifiers.some((identifier) => keys.identifiers.includes(identifier))) return undefined;
    if (isSameCompany(keys, { companyId: '', source: other.source, ...otherKeys })) return undefined;
  }
  const dropped = identifiersOf(stored).filter((identifier) => !keys.identifiers.includes(identifier));
  const named = others.map((other) => `${other.source} ${other.record.provenance?.[0]?.sourceId ?? other.record.id}`).join(', ');
  return `no longer shares an LEI, CIK, domain, or name and country with the other records of its company (${named})${dropped.length > 0 ? `: it no longer carries ${dropped.join(', ')}` : ''}. The company is kept as it is (its segments, accounts and lists name it): check whether they are one company`;
}

function isSameCompany(keys: SourceMatchKeys, record: SourceKeysRow): boolean {
  const isCountryAgreeing = keys.country !== null && keys.country === record.country;
  const isCountryDisagreeing = keys.country !== null && record.country !== null && keys.country !== record.country;
  if (!isCountryDisagreeing && keys.domains.some((domain) => record.domains.includes(domain))) return true;
  return isCountryAgreeing && keys.nameKeys.some((key) => record.nameKeys.includes(key));
}

/**
 * The master company of its data sets' records, earliest attached first: each field from the first record that has
 * it (an import fills what the company lacks and keeps what it has), the other records' names as other names, every
 * other domain in other_domains, firmographics merged (the earlier record's value kept), one provenance entry each
 * (in the order of attachment).
 *
 * An operator's CSV record of the company (csvRowsOfOpenDataCompanies.ts) comes before the data sets' records
 * whenever it was attached: the operator's file is their deliberate correction, so the fields it gives (name,
 * website, country, …) win over GLEIF's, SEC's and Wikidata's, whose names and websites become other names and
 * domains; the fields it leaves empty keep the data sets' values. A data set's re-import does not undo it.
 */
export function composeCompany(companyId: string, attached: readonly CompanyRecord[]): CompanyRecord {
  const isCsv = (record: CompanyRecord): boolean => record.provenance?.[0]?.source === 'csv';
  const records = [...attached.filter(isCsv), ...attached.filter((record) => !isCsv(record))];
  const [first, ...rest] = records;
  if (!first) throw new Error(`company ${companyId} has no data set record to compose it from`);
  const firstOf = <K extends 'domain' | 'country' | 'region' | 'city' | 'industry' | 'employeeRange' | 'revenueRange'>(field: K): CompanyRecord[K] => {
    for (const record of records) if (record[field] !== null && record[field] !== undefined) return record[field];
    return null;
  };
  const domain = firstOf('domain');
  const otherDomains: string[] = [];
  for (const record of records) {
    for (const other of [record.domain, ...record.otherDomains]) if (other && other !== domain && !otherDomains.includes(other)) otherDomains.push(other);
  }
  const nameKeys = new Set([normalizeName(first.name)?.key ?? first.name]);
  const otherNames: string[] = [];
  for (const name of [...(first.otherNames ?? []), ...rest.flatMap((record) => [record.name, ...(record.otherNames ?? [])])]) {
    const key = normalizeName(name)?.key ?? name;
    if (nameKeys.has(key) || otherNames.length === maxOtherNames) continue;
    nameKeys.add(key);
    otherNames.push(name);
  }
  const firmographics: Record<string, string> = {};
  for (const record of [...records].reverse()) Object.assign(firmographics, record.firmographics);
  return {
    id: companyId,
    name: first.name,
    domain,
    otherDomains,
    country: firstOf('country'),
    region: firstOf('region'),
    city: firstOf('city'),
    industry: firstOf('industry'),
    employeeRange: firstOf('employeeRange'),
    revenueRange: firstOf('revenueRange'),
    firmographics,
    otherNames,
    provenance: attached.flatMap((record) => record.provenance ?? []),
  };
}
