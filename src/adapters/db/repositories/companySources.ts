// The open data sets' records of master companies (migration 0932): one row per (data set, id in it), pointing at
// the master company it is part of. Master data, not a tenant table.
import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import type { CompanyRecord } from '../../../domain/matching/companyRecord';
import { queryRows } from '../segments/rows';

/** What other data sets' records are matched on (see matchKeysOf in the import). */
export interface SourceMatchKeys {
  nameKeys: string[];
  country: string | null;
  domains: string[];
  /** Exact identifiers the record carries: `lei:<LEI>`, `cik:<10 digits>` (migration 0934); a Wikidata item's `wikidata:Q…`, the one an operator's CSV row claims by its id (0936). */
  identifiers: string[];
}

export interface CompanySourceRow {
  source: string;
  sourceId: string;
  companyId: string;
  record: CompanyRecord;
}

export interface SourceKeysRow {
  companyId: string;
  source: string;
  nameKeys: string[];
  country: string | null;
  domains: string[];
  identifiers: string[];
}

/**
 * A list as one parameter, written as a PostgreSQL array literal (a JS array would be expanded into several
 * parameters): a constant to the planner, so `= ANY(…)` and `&&` use their indexes.
 */
export function textArray(values: readonly string[]) {
  return sql`${`{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;
}

/** The company each of these records of `source` is already part of (by its id in the data set). */
export async function companiesOfSourceIds(db: Db, source: string, sourceIds: readonly string[]): Promise<Map<string, string>> {
  if (sourceIds.length === 0) return new Map();
  const rows = await queryRows<{ source_id: string; company_id: string }>(db, sql`SELECT source_id, company_id FROM company_sources WHERE source = ${source} AND source_id = ANY(${textArray(sourceIds)})`);
  return new Map(rows.map((row) => [row.source_id, row.company_id]));
}

/** Whether any record of this data set is stored (the primary key's first column answers it). */
export async function hasRecordsOfSource(db: Db, source: string): Promise<boolean> {
  const rows = await queryRows<{ found: boolean }>(db, sql`SELECT EXISTS (SELECT 1 FROM company_sources WHERE source = ${source}) AS found`);
  return rows[0]?.found === true;
}

/** A record's rows in company_source_keys: name keys `n:…`, domains `d:…`, identifiers as they are (`lei:…`, `cik:…`). */
export function lookupKeysOf(keys: SourceMatchKeys): string[] {
  return [...new Set([...keys.nameKeys.map((name) => `n:${name}`), ...keys.domains.map((domain) => `d:${domain}`), ...keys.identifiers])];
}

/**
 * Every record's match keys of the companies that have a record sharing a lookup key (lookupKeysOf) with these (so
 * the caller also sees which data sets each such company already holds).
 */
export async function sourceKeysOfCompaniesSharing(db: Db, lookupKeys: readonly string[]): Promise<SourceKeysRow[]> {
  if (lookupKeys.length === 0) return [];
  const rows = await queryRows<{ company_id: string; source: string; name_keys: string[]; match_country: string | null; domains: string[]; identifiers: string[] }>(
    db,
    sql`SELECT company_id, source, name_keys, match_country, domains, identifiers FROM company_sources
        WHERE company_id IN (
          SELECT records.company_id FROM company_source_keys AS keys
          JOIN company_sources AS records ON records.source = keys.source AND records.source_id = keys.source_id
          WHERE keys.key = ANY(${textArray(lookupKeys)}))`,
  );
  return rows.map((row) => ({ companyId: row.company_id, source: row.source, nameKeys: row.name_keys, country: row.match_country, domains: row.domains, identifiers: row.identifiers }));
}

/** A record with its place in the order records were attached to companies (company_sources.seq). */
export interface AttachedSourceRow extends CompanySourceRow {
  seq: bigint;
}

/** The records of these companies, each company's earliest attached first. */
export async function sourcesOfCompanies(db: Db, companyIds: readonly string[]): Promise<AttachedSourceRow[]> {
  if (companyIds.length === 0) return [];
  const rows = await queryRows<{ source: string; source_id: string; company_id: string; record: CompanyRecord | string; seq: string | number }>(
    db,
    sql`SELECT source, source_id, company_id, record, seq FROM company_sources WHERE company_id = ANY(${textArray(companyIds)}) ORDER BY company_id, seq`,
  );
  return rows.map((row) => ({
    source: row.source,
    sourceId: row.source_id,
    companyId: row.company_id,
    record: typeof row.record === 'string' ? (JSON.parse(row.record) as CompanyRecord) : row.record,
    seq: BigInt(row.seq),
  }));
}

/** Inserts or replaces records (by data set and id); a record keeps the company and place it was first attached with. */
export async function upsertCompanySources(db: Db, rows: readonly (CompanySourceRow & { keys: SourceMatchKeys })[], keysVersion: number): Promise<void> {
  // 9 parameters a row.
  for (let start = 0; start < rows.length; start += 1000) {
    const batch = rows.slice(start, start + 1000);
    const values = sql.join(
      batch.map((row) => sql`(${row.source}, ${row.sourceId}, ${row.companyId}, ${JSON.stringify(row.record)}::jsonb, ${textArray(row.keys.nameKeys)}, ${row.keys.country}, ${textArray(row.keys.domains)}, ${textArray(row.keys.identifiers)}, ${keysVersion})`),
      sql`, `,
    );
    await db.execute(sql`INSERT INTO company_sources (source, source_id, company_id, record, name_keys, match_country, domains, identifiers, keys_version) VALUES ${values}
      ON CONFLICT (source, source_id) DO UPDATE SET record = excluded.record, name_keys = excluded.name_keys, match_country = excluded.match_country, domains = excluded.domains, identifiers = excluded.identifiers, keys_version = excluded.keys_version`);
    await replaceLookupKeys(db, batch);
  }
}

/** The records' rows in company_source_keys (migrations 0933, 0934), rewritten from their match keys. */
async function replaceLookupKeys(db: Db, records: readonly { source: string; sourceId: string; keys: SourceMatchKeys }[]): Promise<void> {
  const sources = records.map((record) => record.source);
  const sourceIds = records.map((record) => record.sourceId);
  await db.execute(sql`DELETE FROM company_source_keys WHERE (source, source_id) IN (SELECT * FROM unnest(${textArray(sources)}, ${textArray(sourceIds)}))`);
  const keys: string[] = [];
  const keySources: string[] = [];
  const keySourceIds: string[] = [];
  for (const record of records) {
    for (const key of lookupKeysOf(record.keys)) {
      keys.push(key);
      keySources.push(record.source);
      keySourceIds.push(record.sourceId);
    }
  }
  if (keys.length === 0) return;
  await db.execute(sql`INSERT INTO company_source_keys (key, source, source_id) SELECT * FROM unnest(${textArray(keys)}, ${textArray(keySources)}, ${textArray(keySourceIds)})`);
}

/** Up to `limit` records whose match keys were made by another name normalisation (or none: rows migration 0932 copied). */
export async function sourcesWithStaleKeys(db: Db, keysVersion: number, limit: number): Promise<CompanySourceRow[]> {
  const rows = await queryRows<{ source: string; source_id: string; company_id: string; record: CompanyRecord | string }>(
    db,
    sql`SELECT source, source_id, company_id, record FROM company_sources WHERE keys_version <> ${keysVersion} ORDER BY source, source_id LIMIT ${limit}`,
  );
  return rows.map((row) => ({ source: row.source, sourceId: row.source_id, companyId: row.company_id, record: typeof row.record === 'string' ? (JSON.parse(row.record) as CompanyRecord) : row.record }));
}

/** A record of this import sharing an exact identifier with a record of another data set that is part of another company. */
export interface IdentifierCollision {
  sourceId: string;
  companyId: string;
  identifier: string;
  otherCompanyId: string;
}

/**
 * The records (of `source`, by id) whose LEI or CIK is also carried by another data set's record in another company,
 * or whose LEI, CIK or Wikidata id an operator's CSV record of another company claims (its id, migration 0936): one
 * company in two, which an import merged apart because the identifier came later (a Wikidata item re-imported with
 * its LEI) or named a company it could not join, or because the CSV row came first.
 */
export async function identifierCollisions(db: Db, source: string, sourceIds: readonly string[]): Promise<IdentifierCollision[]> {
  if (sourceIds.length === 0) return [];
  const rows = await queryRows<{ source_id: string; company_id: string; identifier: string; other_company_id: string }>(
    db,
    sql`SELECT mine.source_id, records.company_id, mine.key AS identifier, others.company_id AS other_company_id
        FROM company_source_keys AS mine
        JOIN company_source_keys AS theirs ON theirs.key = mine.key AND theirs.source <> mine.source
        JOIN company_sources AS records ON records.source = mine.source AND records.source_id = mine.source_id
        JOIN company_sources AS others ON others.source = theirs.source AND others.source_id = theirs.source_id
        WHERE mine.source = ${source} AND mine.source_id = ANY(${textArray(sourceIds)}) AND (mine.key LIKE 'lei:%' OR mine.key LIKE 'cik:%' OR mine.key LIKE 'wikidata:%')
          AND others.company_id <> records.company_id
        ORDER BY mine.source_id, mine.key LIKE 'lei:%' DESC, mine.key, others.company_id`,
  );
  return rows.map((row) => ({ sourceId: row.source_id, companyId: row.company_id, identifier: row.identifier, otherCompanyId: row.other_company_id }));
}

/** Every record of each merged-away company (`moves`: its id → the survivor's) becomes part of the survivor, keeping its place in the order of attachment. */
export async function moveCompanyRecords(db: Db, moves: ReadonlyMap<string, string>): Promise<void> {
  if (moves.size === 0) return;
  await db.execute(sql`UPDATE company_sources AS records SET company_id = moves.to_id
    FROM unnest(${textArray([...moves.keys()])}, ${textArray([...moves.values()])}) AS moves (from_id, to_id) WHERE records.company_id = moves.from_id`);
}
