// A CSV import (`openabm companies import FILE`, the operator API) of rows whose company_id is an open data company's
// id (lei:…, cik:…, wikidata:Q…): such a row is one more record of that company, kept beside its data sets' records
// (company_sources, source 'csv'), and the company is composed again from all of them, as an open data re-import
// does. Written over the company as a plain row instead, it replaced the provenance of GLEIF, SEC and Wikidata and
// the other names they gave, and the next open data import put them back and dropped the CSV's values in turn.
import type { Db } from '../../../adapters/db/database';
import { upsertCompanies } from '../../../adapters/db/repositories/companies';
import { companiesOfSourceIds, sourceKeysOfCompaniesSharing, sourcesOfCompanies, upsertCompanySources } from '../../../adapters/db/repositories/companySources';
import type { CompanyProvenance, CompanyRecord } from '../../../domain/matching/companyRecord';
import { nameNormalizationVersion } from '../../../domain/matching/normalizeName';
import { composeCompany, identifierOfCompanyId, matchKeysOf } from './mergeOpenData';

/**
 * The data set record an open data company id names: `lei:<LEI>` GLEIF's, `cik:<10 digits>` SEC's, `wikidata:Q…`
 * Wikidata's. By the identifier as the data sets write it (identifierOfCompanyId: an LEI in upper case, a CIK with
 * its leading zeros, as SEC's own file leaves them off), so that `cik:320193` names SEC's record 0000320193.
 */
export function openDataRecordOfId(companyId: string): { source: 'gleif' | 'sec' | 'wikidata'; sourceId: string } | undefined {
  const match = /^(lei|cik|wikidata):(.+)$/.exec(companyId);
  if (!match) return undefined;
  const [identifier] = identifierOfCompanyId(companyId);
  const sourceId = identifier === undefined ? (match[2] as string) : identifier.slice(identifier.indexOf(':') + 1);
  if (match[1] === 'lei') return { source: 'gleif', sourceId };
  if (match[1] === 'cik') return { source: 'sec', sourceId };
  return { source: 'wikidata', sourceId };
}

/** Whether a CSV row's company goes through writeCsvRowsOfOpenDataCompanies (its id has an open data set's form). */
export function isOpenDataCompanyId(companyId: string): boolean {
  return openDataRecordOfId(companyId) !== undefined;
}

export function csvProvenance(companyId: string, file: string, importedAt: string): CompanyProvenance {
  return { source: 'csv', sourceId: companyId, dataset: 'CSV import', licence: 'as given by the operator', file, importedAt };
}

/**
 * Writes CSV rows of open data companies (isOpenDataCompanyId), in the caller's transaction. Each row's record goes
 * to the company its earlier CSV record is part of, else to the company of the data set record its id names (a
 * company merged into another is found in the survivor), else to the one company of a record carrying the
 * identifier its id claims (a Wikidata item with that LEI or CIK), else to a company of that id (the CSV came before
 * the open data: the data sets' imports later find the company by the identifier the id claims, matchKeysOf, and
 * add their records to it). A few lookups a batch, none a row. The company is composed with the
 * CSV record first (composeCompany: the operator's correction; the fields it gives win, the data sets' names and
 * domains become other names and domains, the fields it leaves empty keep the data sets' values) and one provenance
 * entry per record in the order of attachment, the CSV's refreshed by each import.
 */
export async function writeCsvRowsOfOpenDataCompanies(tx: Db, rows: readonly CompanyRecord[], file: string, importedAt: string): Promise<void> {
  if (rows.length === 0) return;
  // A file may repeat an id: the last row wins, as for other companies.
  const byId = new Map(rows.map((row) => [row.id, { ...row, provenance: [csvProvenance(row.id, file, importedAt)] }]));
  const ids = [...byId.keys()];
  const companyOf = await companiesOfSourceIds(tx, 'csv', ids);
  const bySource = new Map<string, string[]>();
  for (const id of ids) {
    const named = openDataRecordOfId(id);
    if (companyOf.has(id) || !named) continue;
    bySource.set(named.source, [...(bySource.get(named.source) ?? []), named.sourceId]);
  }
  for (const [source, sourceIds] of bySource) {
    const companies = await companiesOfSourceIds(tx, source, sourceIds);
    for (const id of ids) {
      const named = openDataRecordOfId(id);
      const companyId = named?.source === source ? companies.get(named.sourceId) : undefined;
      if (companyId !== undefined && !companyOf.has(id)) companyOf.set(id, companyId);
    }
  }
  // Else the one company of a record carrying the identifier the id claims (a Wikidata item with that LEI or CIK,
  // imported before the data set of the id): the row is the same company's, and the data set's record finds it.
  const unresolved = ids.filter((id) => !companyOf.has(id));
  const claims = new Map(unresolved.flatMap((id) => identifierOfCompanyId(id).map((claim) => [id, claim] as const)));
  if (claims.size > 0) {
    const carriers = new Map<string, Set<string>>();
    for (const row of await sourceKeysOfCompaniesSharing(tx, [...new Set(claims.values())])) {
      for (const identifier of row.identifiers) carriers.set(identifier, (carriers.get(identifier) ?? new Set()).add(row.companyId));
    }
    for (const [id, claim] of claims) {
      // Several companies carrying it (data sets that disagree, reported by their imports): the row takes no side.
      const companies = [...(carriers.get(claim) ?? [])];
      if (companies.length === 1) companyOf.set(id, companies[0] as string);
    }
  }
  const targetOf = (id: string): string => companyOf.get(id) ?? id;
  const recordsOf = new Map<string, { key: string; record: CompanyRecord }[]>();
  for (const row of await sourcesOfCompanies(tx, [...new Set(ids.map(targetOf))])) {
    recordsOf.set(row.companyId, [...(recordsOf.get(row.companyId) ?? []), { key: `${row.source}\u0000${row.sourceId}`, record: row.record }]);
  }
  for (const [id, record] of byId) {
    const companyId = targetOf(id);
    const records = recordsOf.get(companyId) ?? [];
    const key = `csv\u0000${id}`;
    const earlier = records.findIndex((entry) => entry.key === key);
    if (earlier >= 0) records[earlier] = { key, record };
    else records.push({ key, record });
    recordsOf.set(companyId, records);
  }
  const touched = [...new Set(ids.map(targetOf))];
  await upsertCompanies(
    tx,
    touched.map((companyId) => composeCompany(companyId, (recordsOf.get(companyId) ?? []).map((entry) => entry.record))),
  );
  await upsertCompanySources(
    tx,
    [...byId].map(([id, record]) => ({ source: 'csv', sourceId: id, companyId: targetOf(id), record, keys: matchKeysOf('csv', record) })),
    nameNormalizationVersion,
  );
}
