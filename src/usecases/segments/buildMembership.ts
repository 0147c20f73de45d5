import { findCrmAccountsByIds } from '../../adapters/db/segments/accountsRepo';
import { findCachedSourceName } from '../../adapters/db/segments/crmSourceCacheRepo';
import { selectFilterQuery } from '../../adapters/db/segments/compileFilter';
import { listSourceRows, loadOverrides } from '../../adapters/db/segments/membershipRepo';
import { queryRows } from '../../adapters/db/segments/rows';
import { findUploadedList, listUploadedLines } from '../../adapters/db/segments/uploadsRepo';
import { AppError } from '../../domain/appError';
import type { MatchResult, UnmatchedReason } from '../../domain/matching/types';
import { crmRecordsToRows } from '../../domain/segments/crmRecordRows';
import { crmSourceKey, type FilterNode } from '../../domain/segments/filterTree';
import { resolveSourceRows, rowKeyOf, type ResolvedRow, type SourceRow } from '../../domain/segments/resolveSourceRows';
import { displayNameOf, type SegmentSource } from '../../domain/segments/segmentSource';
import { matcherOf, sourceReaderOf, type SegmentDeps } from './segmentDeps';

/** A membership computed but not stored yet. */
export type BuiltMembership =
  | {
      kind: 'rows';
      rows: ResolvedRow[];
      /** Names learnt from the source (list/report name, object type, file name). */
      learnt: { sourceName?: string; objectType?: string; fileName?: string };
      /** The matching engine's stored batch for these rows (re-used by the next refresh). */
      matchBatchId: string | undefined;
      /** Key of the source's own company snapshot (for list/report/upload filters of other segments). */
      sourceKey: string;
      provider: string | undefined;
    }
  | { kind: 'filter'; companyIds: string[] };

/**
 * Reads the source (or, with `reuseStoredRows`, the rows stored at the last refresh, e.g. after a manual fix),
 * matches the rows to the master companies, applies the users' picks and the filters. Throws the source's AppError
 * (the specification's message) when the source breaks a rule. Pure reads: nothing is written.
 */
export async function buildMembership(
  orgId: string,
  segment: { id: string | undefined; source: SegmentSource; filter: FilterNode | null; matchBatchId?: string | null | undefined },
  deps: SegmentDeps,
  options: { reuseStoredRows: boolean } = { reuseStoredRows: false },
): Promise<BuiltMembership> {
  const { source, filter } = segment;
  if (source.type === 'filters') {
    if (!filter) throw new AppError('validation_failed', 'A filter segment needs at least one filter.');
    const rows = await queryRows<{ company_id: string }>(deps.db, selectFilterQuery(orgId, filter));
    return { kind: 'filter', companyIds: rows.map((row) => row.company_id) };
  }
  const overrides = segment.id ? await loadOverrides(deps.db, orgId, segment.id) : new Map<string, string>();
  let sourceRows: SourceRow[];
  let results: Map<string, MatchResult>;
  let learnt: { sourceName?: string; objectType?: string; fileName?: string } = {};
  let matchBatchId = segment.matchBatchId ?? undefined;
  if (options.reuseStoredRows && segment.id) {
    const stored = await listSourceRows(deps.db, orgId, segment.id);
    sourceRows = stored.map((row) => ({ rowNumber: row.rowNumber, rowKey: row.rowKey, name: row.name, domain: row.domain, country: row.country, crmObjectType: row.crmObjectType, crmExternalId: row.crmExternalId }));
    results = new Map(
      stored.map((row) => [
        String(row.rowNumber),
        {
          rowId: String(row.rowNumber),
          // A row matched by an earlier pick falls back to its candidates if the pick is withdrawn.
          status: row.isManualMatch ? 'unmatched' : row.status === 'unmatched' ? 'unmatched' : 'matched',
          companyId: row.isManualMatch ? null : row.companyId,
          score: row.score,
          reason: row.isManualMatch ? 'no_candidate' : (row.reason as UnmatchedReason | null),
          candidates: row.candidates,
        } satisfies MatchResult,
      ]),
    );
  } else {
    const read = await readSourceRows(orgId, source, deps);
    sourceRows = read.rows;
    learnt = read.learnt;
    const toMatch = sourceRows.filter((row) => !overrides.has(row.rowKey));
    const records = toMatch.map((row) => ({ rowId: String(row.rowNumber), name: row.name, domain: row.domain, country: row.country }));
    const matched = records.length > 0 ? await matcherOf(deps).matchAccounts(orgId, records, matchBatchId) : { batchId: matchBatchId, results: [] };
    matchBatchId = matched.batchId;
    results = new Map(matched.results.map((result) => [result.rowId, result]));
  }
  let passing: Set<string> | null = null;
  if (filter) {
    const candidateIds = new Set<string>(overrides.values());
    for (const result of results.values()) if (result.companyId) candidateIds.add(result.companyId);
    const rows = await queryRows<{ company_id: string }>(deps.db, selectFilterQuery(orgId, filter, [...candidateIds]));
    passing = new Set(rows.map((row) => row.company_id));
  }
  const rows = resolveSourceRows(sourceRows, results, overrides, passing);
  return { kind: 'rows', rows, learnt, matchBatchId, sourceKey: sourceKeyOfSource(source), provider: 'provider' in source ? source.provider : undefined };
}

export function sourceKeyOfSource(source: SegmentSource): string {
  switch (source.type) {
    case 'crm_list':
      return crmSourceKey(source.provider, 'list_view', source.sourceId);
    case 'crm_report':
      return crmSourceKey(source.provider, 'report', source.sourceId);
    case 'upload':
      return `upload:${source.uploadId}`;
    case 'filters':
      return 'filters';
  }
}

async function readSourceRows(orgId: string, source: SegmentSource, deps: SegmentDeps): Promise<{ rows: SourceRow[]; learnt: { sourceName?: string; objectType?: string; fileName?: string } }> {
  if (source.type === 'upload') {
    const list = await findUploadedList(deps.db, orgId, source.uploadId);
    if (!list) throw new AppError('not_found', 'The uploaded account list was not found.');
    if (!list.isMappingConfirmed) throw new AppError('validation_failed', 'Confirm which columns hold the name, domain and country before creating the segment.');
    const { name, domain, country } = list.columnMapping;
    const cell = (cells: string[], position: number) => (position >= 0 ? cells[position] || null : null);
    const rows = (await listUploadedLines(deps.db, orgId, list.id)).map((line) => {
      const values = { name: cell(line.cells, name), domain: cell(line.cells, domain), country: cell(line.cells, country) };
      return { rowNumber: line.lineNumber, rowKey: rowKeyOf(values), ...values, crmObjectType: null, crmExternalId: null };
    });
    return { rows, learnt: { fileName: list.fileName } };
  }
  if (source.type === 'filters') return { rows: [], learnt: {} };
  const kind = source.type === 'crm_report' ? 'report' : source.kind;
  const read = await sourceReaderOf(deps).readCrmSource(orgId, { provider: source.provider, kind, sourceId: source.sourceId });
  const accountIds = read.records.filter((record) => record.objectType !== 'account' && record.accountExternalId).map((record) => record.accountExternalId ?? '');
  const knownAccounts = await findCrmAccountsByIds(deps.db, orgId, source.provider, accountIds);
  // The CRM's own name, else the name the source list (cached with the CRM sync) gave it, else the picker's.
  const sourceName =
    displayNameOf(source.sourceId, read.name) ?? displayNameOf(source.sourceId, await findCachedSourceName(deps.db, orgId, source.provider, source.sourceId)) ?? displayNameOf(source.sourceId, source.sourceName);
  return { rows: crmRecordsToRows(read.records, knownAccounts), learnt: { ...(sourceName ? { sourceName } : {}), objectType: read.objectType } };
}
