import type { Db } from '../../../adapters/db/database';
import { upsertCompanies } from '../../../adapters/db/repositories/companies';
import { moveCompanyReferences } from '../../../adapters/db/repositories/companyReferences';
import { refreshPlannerStatistics } from '../../../adapters/db/repositories/plannerStatistics';
import {
  companiesOfSourceIds,
  hasRecordsOfSource,
  lookupKeysOf,
  sourceKeysOfCompaniesSharing,
  sourcesOfCompanies,
  sourcesWithStaleKeys,
  upsertCompanySources,
  type CompanySourceRow,
  type SourceMatchKeys,
} from '../../../adapters/db/repositories/companySources';
import type { CompanyRecord } from '../../../domain/matching/companyRecord';
import type { CsvRecord } from '../../../domain/matching/csv';
import { nameNormalizationVersion } from '../../../domain/matching/normalizeName';
import type { RejectedCompanyRow } from '../importCompanies';
import { companyToMergeInto, composeCompany, groupByCompany, lostJoinEvidence, matchKeysOf, type ExistingCompanyKeys } from './mergeOpenData';
import { joinCompaniesSharingIdentifiers, survivorOf } from './joinCompaniesSharingIdentifiers';
import { gleifColumns, gleifCompany, OpenDataFormatError, secCompany, wikidataColumns, wikidataCompany, type OpenDataFormat, type OpenDataRowResult, type SecTickerEntry } from './openDataFormats';

export type OpenDataInput =
  | { format: 'gleif' | 'wikidata'; chunks: AsyncIterable<CsvRecord[]> }
  | { format: 'sec'; entries: AsyncIterable<{ key: string; entry: SecTickerEntry }[]> };

export interface ImportOpenDataOutput {
  format: OpenDataFormat;
  /** The file's records written (each inserted or updated; repeated ids count once). */
  upserted: number;
  /** Records that became a company of their own (id: lei:…, cik:…, wikidata:Q…). */
  created: number;
  /** Records merged into a company already imported from another data set (the same company: the same LEI or CIK, or same domain, or same name and country), or made by an operator's CSV row of its id. */
  merged: number;
  /** Of `merged`, those merged by an exact identifier (LEI, CIK) rather than by domain or name. */
  mergedByIdentifier: number;
  /** Records imported before, updated in place (in their own company or the one they were merged into). */
  updated: number;
  rejected: RejectedCompanyRow[];
  /** Records whose LEI or CIK named a company they could not join (see companyToMergeInto): imported as companies of their own. */
  identifierConflicts: RejectedCompanyRow[];
  /**
   * Two companies already in the master found to be one: a record imported before now carries an LEI or CIK of
   * another company's record (a Wikidata item re-imported with its LEI). One is merged into the other: its records,
   * and every segment, account and list row naming it, go to the company that got its first record first.
   */
  companiesJoined: RejectedCompanyRow[];
  /**
   * Records re-imported into a company they were merged into that no longer share any evidence with its other data
   * sets' records (lostJoinEvidence: a Wikidata item re-imported without the LEI that joined it with a GLEIF
   * company): the company is kept as it is, and reported with the ids.
   */
  joinsWithoutEvidence: RejectedCompanyRow[];
  /** Rows repeating the id of an earlier row of the file, merged into it (the earlier row's values kept; a SPARQL export repeats an item per value of a many-valued property). */
  repeated: number;
  /** The first of them (up to maxRepeatedRowsReported), with the line and the row repeated. */
  repeatedRows: RejectedCompanyRow[];
  /** What the file gives in a form the import can only keep as written (a Wikidata export's countries as entity URIs). */
  warnings: string[];
}

const maxRepeatedRowsReported = 100;

type Counts = Omit<ImportOpenDataOutput, 'format' | 'rejected' | 'warnings'>;

const wikidataEntity = /^https?:\/\/(www\.)?wikidata\.org\/(entity|wiki)\/Q\d+$/;

interface PendingRecord {
  line: number;
  record: CompanyRecord;
}

const flushSize = 2000;

/**
 * Imports an open company data set into the master company database, streaming, in ONE transaction: a file that
 * turns out malformed halfway (or any failure) leaves the database as it was. Companies are keyed by their id in the
 * data set, so a re-import (next month's golden copy) updates them in place; each keeps its provenance. Rows that
 * cannot be a company (no LEI, an invalid one, no name) are skipped and reported with their line and reason.
 */
export async function importOpenData(input: OpenDataInput & { file: string; importedAt: Date }, deps: { db: Db }): Promise<ImportOpenDataOutput> {
  const importedAt = input.importedAt.toISOString();
  const rejected: RejectedCompanyRow[] = [];
  // A query that selects ?country instead of ?countryLabel exports entity URIs: counted, to say so once.
  const entityValues = { country: 0, industry: 0 };
  const counts: Counts = { upserted: 0, created: 0, merged: 0, mergedByIdentifier: 0, updated: 0, identifierConflicts: [], companiesJoined: [], joinsWithoutEvidence: [], repeated: 0, repeatedRows: [] };
  await deps.db.transaction(async (tx) => {
    await refreshStaleMatchKeys(tx);
    // Operators' CSV rows of open data companies: a new record's company may already hold one (written before it).
    const hasCsvRecords = await hasRecordsOfSource(tx, 'csv');
    // Companies this import merged a record into: one record of a data set per company.
    const claimed = new Set<string>();
    // Companies merged into another by this import (joinCompaniesSharingIdentifiers): their references move at the end.
    const mergedAwayInto = new Map<string, string>();
    let pending = new Map<string, PendingRecord>();
    const flush = async (): Promise<void> => {
      if (pending.size === 0) return;
      const batch = [...pending.values()];
      pending = new Map();
      await writeBatch(tx, input.format, batch, claimed, counts, mergedAwayInto, hasCsvRecords);
    };
    const take = async (line: number, result: OpenDataRowResult): Promise<void> => {
      if (!result.isValid) {
        rejected.push({ line, reason: result.reason });
        return;
      }
      if (wikidataEntity.test(result.company.firmographics.country_label ?? '')) entityValues.country++;
      if (wikidataEntity.test(result.company.industry ?? '')) entityValues.industry++;
      const earlier = pending.get(result.company.id);
      if (earlier) noteRepeated(counts, line, `${sourceIdOf(result.company)} repeats line ${earlier.line}: merged into it (the earlier row's values kept, other websites, names and identifiers added)`);
      pending.set(result.company.id, earlier ? { line: earlier.line, record: mergeRepeated(earlier.record, result.company) } : { line, record: result.company });
      if (pending.size >= flushSize) await flush();
    };
    if (input.format === 'sec') {
      let entryNumber = 0;
      // One company per CIK: the tickers of its share classes are gathered (entries of one CIK may be far apart).
      const byCik = new Map<string, { first: SecTickerEntry; tickers: string[]; line: number }>();
      for await (const entries of input.entries) {
        for (const { entry } of entries) {
          entryNumber++;
          const cik = typeof entry.cik_str === 'number' || typeof entry.cik_str === 'string' ? String(entry.cik_str).trim() : '';
          const seen = byCik.get(cik);
          if (seen && cik !== '') {
            if (typeof entry.ticker === 'string' && entry.ticker.trim()) seen.tickers.push(entry.ticker.trim());
            continue;
          }
          byCik.set(cik === '' ? `#${entryNumber}` : cik, { first: entry, tickers: [], line: entryNumber });
        }
      }
      for (const { first, tickers, line } of byCik.values()) await take(line, secCompany(first, tickers, input.file, importedAt));
    } else {
      let header: ReturnType<typeof gleifColumns> | ReturnType<typeof wikidataColumns> | undefined;
      for await (const chunk of input.chunks) {
        for (const record of chunk) {
          if (!header) {
            header = input.format === 'gleif' ? gleifColumns(record.fields) : wikidataColumns(record.fields);
            continue;
          }
          if (record.fields.length === 1 && (record.fields[0] ?? '').trim() === '') continue;
          const result = input.format === 'gleif' ? gleifCompany(header as ReturnType<typeof gleifColumns>, record.fields, input.file, importedAt) : wikidataCompany(header as ReturnType<typeof wikidataColumns>, record.fields, input.file, importedAt);
          await take(record.line, result);
        }
      }
      if (!header) throw new OpenDataFormatError(`the file is empty (expected a ${input.format === 'gleif' ? 'GLEIF golden-copy' : 'Wikidata export'} header)`);
    }
    await flush();
    await moveCompanyReferences(tx, new Map([...mergedAwayInto.keys()].map((companyId) => [companyId, survivorOf(mergedAwayInto, companyId)])));
  });
  // PGlite has no autovacuum: without statistics the planner takes the tables an import filled for a few rows.
  if (counts.upserted > 0) await refreshPlannerStatistics(deps.db, 'companies');
  rejected.sort((a, b) => a.line - b.line);
  counts.identifierConflicts.sort((a, b) => a.line - b.line);
  counts.companiesJoined.sort((a, b) => a.line - b.line);
  counts.joinsWithoutEvidence.sort((a, b) => a.line - b.line);
  counts.repeatedRows.sort((a, b) => a.line - b.line);
  const warnings = (['country', 'industry'] as const).flatMap((column) =>
    entityValues[column] > 0
      ? [
          `${entityValues[column]} rows give their ${column} as a Wikidata item URI (such as http://www.wikidata.org/entity/Q183), not its name: ${column === 'country' ? 'those companies have no country (kept as written in firmographics country_label), so other data sets and account lists match them by name only with difficulty' : 'the URI is stored as the industry'}. Export ?${column}Label ${column === 'country' ? 'or the ISO 3166 code (P297) ' : ''}instead and import again (the companies are updated in place).`,
        ]
      : [],
  );
  return { format: input.format, ...counts, rejected, warnings };
}

function sourceIdOf(record: CompanyRecord): string {
  const sourceId = record.provenance?.[0]?.sourceId;
  if (!sourceId) throw new Error(`open data record ${record.id} has no provenance`);
  return sourceId;
}

/**
 * Writes a batch of one data set's records: each goes to the company it was imported into before (by its id in
 * the data set), else into the one company of another data set it names (by LEI or CIK first, then by domain or
 * name: mergeOpenData.ts), else into a company of its own; each company touched is composed again from all its
 * records.
 */
async function writeBatch(tx: Db, source: string, pendingBatch: readonly PendingRecord[], claimed: Set<string>, counts: Counts, mergedAwayInto: Map<string, string>, hasCsvRecords: boolean): Promise<void> {
  const batch = pendingBatch.map((entry) => entry.record);
  const known = await companiesOfSourceIds(tx, source, batch.map(sourceIdOf));
  const keys = new Map<string, SourceMatchKeys>(batch.map((record) => [record.id, matchKeysOf(source, record)]));
  const unknown = batch.filter((record) => !known.has(sourceIdOf(record)));
  const existing = groupByCompany(await sourceKeysOfCompaniesSharing(tx, [...new Set(unknown.flatMap((record) => lookupKeysOf(keys.get(record.id) as SourceMatchKeys)))]));
  // Which existing companies each lookup key (identifier, name key, domain) leads to.
  const byKey = new Map<string, ExistingCompanyKeys[]>();
  for (const company of existing.values()) {
    for (const record of company.records) {
      for (const key of lookupKeysOf(record)) {
        const companies = byKey.get(key) ?? [];
        if (!companies.includes(company)) companies.push(company);
        byKey.set(key, companies);
      }
    }
  }
  const targets = new Map<string, CompanyRecord[]>();
  const lineOf = new Map(pendingBatch.map((entry) => [sourceIdOf(entry.record), entry.line]));
  const inConflict = new Set<string>();
  const existingCompanies = new Set<string>();
  const createdCompanies = new Set<string>();
  for (const { line, record } of pendingBatch) {
    // Known: updated in place, or repeated from an earlier batch (counted below, where its stored version is read).
    let companyId = known.get(sourceIdOf(record));
    if (companyId !== undefined) {
      existingCompanies.add(companyId);
    } else {
      const recordKeys = keys.get(record.id) as SourceMatchKeys;
      const candidates = new Set(lookupKeysOf(recordKeys).flatMap((key) => byKey.get(key) ?? []));
      const decision = companyToMergeInto(source, recordKeys, candidates, claimed);
      if (decision.merge === 'identifier' || decision.merge === 'keys') {
        companyId = decision.companyId;
        claimed.add(companyId);
        existingCompanies.add(companyId);
        counts.merged++;
        if (decision.merge === 'identifier') counts.mergedByIdentifier++;
      } else {
        if (decision.merge === 'conflict') {
          counts.identifierConflicts.push({ line, reason: `${sourceIdOf(record)}: ${decision.reason}` });
          inConflict.add(sourceIdOf(record));
        }
        companyId = record.id;
        createdCompanies.add(companyId);
        counts.created++;
      }
    }
    const records = targets.get(companyId) ?? [];
    records.push(record);
    targets.set(companyId, records);
  }
  // Each touched company: its records (earliest attached first), this batch's replacing their earlier versions.
  const recordsOf = new Map<string, { sourceKey: string; record: CompanyRecord }[]>();
  // Companies of new records too when CSV records exist: the company of a new record's id may already hold the
  // operator's CSV row of it (csvRowsOfOpenDataCompanies.ts). Without any, a first import looks up no new company.
  for (const row of await sourcesOfCompanies(tx, hasCsvRecords ? [...targets.keys()] : [...existingCompanies])) {
    const records = recordsOf.get(row.companyId) ?? [];
    records.push({ sourceKey: `${row.source}\u0000${row.sourceId}`, record: row.record });
    recordsOf.set(row.companyId, records);
  }
  // A new record whose company (of its own id) an operator's CSV row made earlier joins it: merged, not created.
  for (const companyId of createdCompanies) {
    if ((recordsOf.get(companyId)?.length ?? 0) === 0) continue;
    counts.created--;
    counts.merged++;
  }
  const composed: CompanyRecord[] = [];
  const written: (CompanySourceRow & { keys: SourceMatchKeys })[] = [];
  for (const [companyId, incoming] of targets) {
    const records = recordsOf.get(companyId) ?? [];
    for (const record of incoming) {
      const sourceKey = `${source}\u0000${sourceIdOf(record)}`;
      const earlier = records.findIndex((entry) => entry.sourceKey === sourceKey);
      const stored = earlier >= 0 ? records[earlier]?.record : undefined;
      let final = record;
      if (stored && isOfSameImport(stored, record)) {
        // The file repeats an id that an earlier batch of this import wrote (more than a batch of rows before).
        final = mergeRepeated(stored, record);
        noteRepeated(counts, lineOf.get(sourceIdOf(record)) ?? 0, `${sourceIdOf(record)} repeats an earlier row of this file: merged into it (the earlier row's values kept, other websites, names and identifiers added)`);
      } else {
        counts.upserted++;
        if (stored) {
          counts.updated++;
          const fellows = records.flatMap((entry) => (entry.sourceKey === sourceKey ? [] : [{ source: entry.sourceKey.slice(0, entry.sourceKey.indexOf('\u0000')), record: entry.record }]));
          const lost = lostJoinEvidence(source, record, stored, fellows);
          if (lost) counts.joinsWithoutEvidence.push({ line: lineOf.get(sourceIdOf(record)) ?? 0, reason: `${source} ${sourceIdOf(record)} (company ${companyId}) ${lost}` });
        }
      }
      if (earlier >= 0) records[earlier] = { sourceKey, record: final };
      else records.push({ sourceKey, record: final });
      written.push({ source, sourceId: sourceIdOf(record), companyId, record: final, keys: final === record ? (keys.get(record.id) as SourceMatchKeys) : matchKeysOf(source, final) });
    }
    composed.push(composeCompany(companyId, records.map((entry) => entry.record)));
  }
  await upsertCompanies(tx, composed);
  await upsertCompanySources(tx, written, nameNormalizationVersion);
  await joinCompaniesSharingIdentifiers(
    tx,
    source,
    pendingBatch.flatMap((entry) => (inConflict.has(sourceIdOf(entry.record)) ? [] : [{ line: entry.line, sourceId: sourceIdOf(entry.record) }])),
    counts,
    mergedAwayInto,
  );
}

/** Records whose match keys an older name normalisation made (or none, copied by migration 0932) get new ones first. */
async function refreshStaleMatchKeys(tx: Db): Promise<void> {
  for (;;) {
    const stale = await sourcesWithStaleKeys(tx, nameNormalizationVersion, 2000);
    if (stale.length === 0) return;
    await upsertCompanySources(
      tx,
      stale.map((row) => ({ ...row, keys: matchKeysOf(row.source, row.record) })),
      nameNormalizationVersion,
    );
  }
}

/** The record stored for this id was written by this import (an earlier batch): the same import time and file. */
function isOfSameImport(stored: CompanyRecord, incoming: CompanyRecord): boolean {
  const [was] = stored.provenance ?? [];
  const [is] = incoming.provenance ?? [];
  return was !== undefined && is !== undefined && was.importedAt === is.importedAt && was.file === is.file;
}

/** Repeated rows are counted; the first ones are kept for the report (a SPARQL export may repeat thousands). */
function noteRepeated(counts: Counts, line: number, reason: string): void {
  counts.repeated++;
  if (counts.repeatedRows.length < maxRepeatedRowsReported) counts.repeatedRows.push({ line, reason });
}

/** A data set row repeated (a SPARQL export repeats an item per value of a many-valued property): the first value of each field wins. */
function mergeRepeated(first: CompanyRecord, later: CompanyRecord): CompanyRecord {
  return {
    ...first,
    domain: first.domain ?? later.domain,
    // Another website of the item (a second value of "official website") is one of the company's other domains.
    otherDomains: [...new Set([...first.otherDomains, ...(later.domain ? [later.domain] : []), ...later.otherDomains])].filter((domain) => domain !== (first.domain ?? later.domain)),
    country: first.country ?? later.country,
    region: first.region ?? later.region,
    city: first.city ?? later.city,
    industry: first.industry ?? later.industry,
    employeeRange: first.employeeRange ?? later.employeeRange,
    otherNames: [...new Set([...(first.otherNames ?? []), ...(later.otherNames ?? [])])],
    // Identifiers of every row (an item with two LEIs is found by either).
    firmographics: { ...later.firmographics, ...first.firmographics, ...joinedValues(first.firmographics, later.firmographics, ['lei', 'cik']) },
  };
}

/** The fields' values of both records, each once, separated by "; " (only the fields either has). */
function joinedValues(first: Record<string, string>, later: Record<string, string>, fields: readonly string[]): Record<string, string> {
  const joined: Record<string, string> = {};
  for (const field of fields) {
    const values = [...new Set([first[field], later[field]].flatMap((value) => (value ? value.split('; ') : [])))];
    if (values.length > 0) joined[field] = values.join('; ');
  }
  return joined;
}
