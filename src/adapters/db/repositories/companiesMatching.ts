import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { matchBatches, matchExcludedDomains, matchResults, matchSettings } from '../schema/companies';
import type { AccountInput, MatchResult, MatchStatus, MatchSummary } from '../../../domain/matching/types';

export async function listExcludedDomains(db: Db, orgId: string): Promise<string[]> {
  const rows = await db.select({ domain: matchExcludedDomains.domain }).from(matchExcludedDomains).where(eq(matchExcludedDomains.orgId, orgId)).orderBy(asc(matchExcludedDomains.domain));
  return rows.map((row) => row.domain);
}

export async function addExcludedDomains(db: Db, orgId: string, domains: readonly string[]): Promise<void> {
  if (domains.length === 0) return;
  await db.insert(matchExcludedDomains).values(domains.map((domain) => ({ orgId, domain }))).onConflictDoNothing();
}

export async function removeExcludedDomain(db: Db, orgId: string, domain: string): Promise<boolean> {
  const removed = await db.delete(matchExcludedDomains).where(and(eq(matchExcludedDomains.orgId, orgId), eq(matchExcludedDomains.domain, domain))).returning({ domain: matchExcludedDomains.domain });
  return removed.length > 0;
}

export interface MatchSettings {
  nameFallbackOnExcludedDomain: boolean;
}

export const defaultMatchSettings: MatchSettings = { nameFallbackOnExcludedDomain: true };

/** The organisation's matching settings (the defaults until it changes one). */
export async function getMatchSettings(db: Db, orgId: string): Promise<MatchSettings> {
  const [row] = await db.select({ nameFallbackOnExcludedDomain: matchSettings.nameFallbackOnExcludedDomain }).from(matchSettings).where(eq(matchSettings.orgId, orgId));
  return row ?? defaultMatchSettings;
}

export async function saveMatchSettings(db: Db, orgId: string, settings: MatchSettings): Promise<MatchSettings> {
  await db
    .insert(matchSettings)
    .values({ orgId, ...settings })
    .onConflictDoUpdate({ target: matchSettings.orgId, set: { ...settings, updatedAt: sql`now()` } });
  return getMatchSettings(db, orgId);
}

export interface MatchBatchRow {
  id: string;
  orgId: string;
  inputRows: number;
  matched: number;
  unmatched: number;
  duplicates: number;
  createdAt: Date;
  matchedAt: Date | null;
}

export async function createMatchBatch(db: Db, orgId: string): Promise<string> {
  const [row] = await db.insert(matchBatches).values({ orgId }).returning({ id: matchBatches.id });
  if (!row) throw new Error('match batch insert returned nothing');
  return row.id;
}

export async function getMatchBatch(db: Db, orgId: string, batchId: string): Promise<MatchBatchRow | undefined> {
  const [row] = await db.select().from(matchBatches).where(and(eq(matchBatches.orgId, orgId), eq(matchBatches.id, batchId)));
  return row;
}

// 14 parameters a row.
const resultBatchSize = 2000;

/** Replaces a batch's results (a re-run of the same batch leaves no stale rows) and records its counts. */
export async function replaceMatchResults(
  db: Db,
  orgId: string,
  batchId: string,
  records: readonly AccountInput[],
  results: readonly MatchResult[],
  summary: MatchSummary,
): Promise<void> {
  await db.delete(matchResults).where(and(eq(matchResults.orgId, orgId), eq(matchResults.batchId, batchId)));
  for (let start = 0; start < results.length; start += resultBatchSize) {
    const rows = results.slice(start, start + resultBatchSize).map((result, offset) => {
      const record = records[start + offset];
      return {
        orgId,
        batchId,
        rowIndex: start + offset,
        rowId: result.rowId,
        status: result.status,
        companyId: result.companyId,
        score: result.score,
        reason: result.reason,
        note: result.note ?? null,
        candidates: result.candidates,
        inputName: record?.name ?? null,
        inputDomain: record?.domain ?? null,
        inputCountry: record?.country ?? null,
      };
    });
    if (rows.length > 0) await db.insert(matchResults).values(rows);
  }
  await db
    .update(matchBatches)
    .set({ inputRows: summary.inputRows, matched: summary.matched, unmatched: summary.unmatched, duplicates: summary.duplicates, matchedAt: sql`now()` })
    .where(and(eq(matchBatches.orgId, orgId), eq(matchBatches.id, batchId)));
}

export interface StoredMatchResult extends MatchResult {
  rowIndex: number;
  inputName: string | null;
  inputDomain: string | null;
  inputCountry: string | null;
}

export async function listMatchResults(
  db: Db,
  orgId: string,
  batchId: string,
  options: { status?: MatchStatus; limit?: number; offset?: number } = {},
): Promise<StoredMatchResult[]> {
  const conditions = [eq(matchResults.orgId, orgId), eq(matchResults.batchId, batchId)];
  if (options.status) conditions.push(eq(matchResults.status, options.status));
  const rows = await db
    .select()
    .from(matchResults)
    .where(and(...conditions))
    .orderBy(asc(matchResults.rowIndex))
    .limit(options.limit ?? 100_000)
    .offset(options.offset ?? 0);
  return rows.map((row) => ({
    rowIndex: row.rowIndex,
    rowId: row.rowId,
    status: row.status,
    companyId: row.companyId,
    score: row.score,
    reason: row.reason,
    ...(row.note ? { note: row.note } : {}),
    candidates: row.candidates,
    inputName: row.inputName,
    inputDomain: row.inputDomain,
    inputCountry: row.inputCountry,
  }));
}
