import type { Db } from '../../adapters/db/database';
import {
  applyMemberChanges,
  insertMembershipChanges,
  insertRefresh,
  insertSegmentEvent,
  linkCrmAccounts,
  listMemberIds,
  listSourceRows,
  replaceSourceCompanies,
  replaceSourceRows,
} from '../../adapters/db/segments/membershipRepo';
import { updateSegment } from '../../adapters/db/segments/segmentsRepo';
import { diffMembership, type MembershipDiff, type MembershipSnapshot } from '../../domain/segments/diffMembership';
import { nextRefreshAfter } from '../../domain/segments/refreshDecision';
import { countRows, snapshotOfRows, type RowCounts } from '../../domain/segments/resolveSourceRows';
import type { BuiltMembership } from './buildMembership';

/** 'manual_match': a user fixed or undid a row's match by hand (who and what go to triggeredBy and note). */
export type RefreshTrigger = 'create' | 'schedule' | 'manual' | 'edit' | 'manual_match';

export interface StoredRefresh {
  refreshId: string;
  counts: RowCounts;
  diff: MembershipDiff;
}

/**
 * Writes a new membership in one transaction: the source rows (confirmation report), members by diff, the refresh
 * with its diff (history), the source's company snapshot, CRM account links and the segment's counts and status.
 */
export async function storeMembership(
  db: Db,
  orgId: string,
  segmentId: string,
  built: BuiltMembership,
  meta: { trigger: RefreshTrigger; startedAt: Date; now: Date; wasInError: boolean; extraSegmentPatch?: Record<string, unknown>; triggeredBy?: string | null; note?: string | null },
): Promise<StoredRefresh> {
  return db.transaction(async (tx) => {
    const previous = await previousSnapshot(tx, orgId, segmentId, built.kind);
    let current: MembershipSnapshot;
    let counts: RowCounts;
    if (built.kind === 'rows') {
      current = snapshotOfRows(built.rows);
      counts = countRows(built.rows);
    } else {
      current = { members: built.companyIds.map((companyId) => ({ companyId, rowKey: null, isManualMatch: false })), rowKeys: [], filteredOutCompanyIds: [] };
      counts = { recordsRead: 0, matched: built.companyIds.length, unmatched: 0, duplicates: 0, members: built.companyIds.length };
    }
    const diff = diffMembership(previous, current);
    if (built.kind === 'rows') {
      await replaceSourceRows(tx, orgId, segmentId, built.rows);
      const matchedIds = built.rows.filter((row) => row.companyId && row.status !== 'unmatched').map((row) => row.companyId ?? '');
      await replaceSourceCompanies(tx, orgId, built.sourceKey, matchedIds);
      if (built.provider) {
        const links = built.rows
          .filter((row) => row.crmObjectType === 'account' && row.crmExternalId && row.companyId && row.status !== 'unmatched')
          .map((row) => ({ externalId: row.crmExternalId ?? '', companyId: row.companyId ?? '' }));
        await linkCrmAccounts(tx, orgId, built.provider, links, meta.now);
      }
    }
    await applyMemberChanges(tx, orgId, segmentId, diff.added.map((a) => a.companyId), diff.removed.map((r) => r.companyId), meta.now);
    const refreshId = await insertRefresh(tx, {
      orgId,
      segmentId,
      trigger: meta.trigger,
      triggeredBy: meta.triggeredBy ?? null,
      note: meta.note ?? null,
      status: 'succeeded',
      errorMessage: null,
      recordsRead: counts.recordsRead,
      matchedCount: counts.matched,
      unmatchedCount: counts.unmatched,
      duplicateCount: counts.duplicates,
      memberCount: counts.members,
      addedCount: diff.added.length,
      removedCount: diff.removed.length,
      startedAt: meta.startedAt,
      finishedAt: meta.now,
    });
    // The first build adds every member; its history row carries the count and the member list is the detail.
    if (meta.trigger !== 'create') await insertMembershipChanges(tx, orgId, segmentId, refreshId, [
      ...diff.added.map((a) => ({ companyId: a.companyId, change: 'added' as const, why: a.why })),
      ...diff.removed.map((r) => ({ companyId: r.companyId, change: 'removed' as const, why: r.why })),
    ]);
    await updateSegment(tx, orgId, segmentId, {
      status: 'ready',
      statusMessage: null,
      memberCount: counts.members,
      recordsRead: counts.recordsRead,
      matchedCount: counts.matched,
      unmatchedCount: counts.unmatched,
      duplicateCount: counts.duplicates,
      lastRefreshedAt: meta.now,
      lastAttemptedAt: meta.now,
      ...(meta.trigger === 'edit' ? {} : { nextRefreshAt: nextRefreshAfter(meta.now) }),
      updatedAt: meta.now,
      ...(built.kind === 'rows' && built.matchBatchId ? { matchBatchId: built.matchBatchId } : {}),
      ...(meta.extraSegmentPatch ?? {}),
    });
    if (meta.wasInError) await insertSegmentEvent(tx, { orgId, segmentId, kind: 'refresh_recovered', message: null, createdAt: meta.now });
    return { refreshId, counts, diff };
  });
}

async function previousSnapshot(db: Db, orgId: string, segmentId: string, kind: BuiltMembership['kind']): Promise<MembershipSnapshot> {
  const memberIds = await listMemberIds(db, orgId, segmentId);
  if (kind === 'filter') return { members: memberIds.map((companyId) => ({ companyId, rowKey: null, isManualMatch: false })), rowKeys: [], filteredOutCompanyIds: [] };
  const stored = await listSourceRows(db, orgId, segmentId);
  const fromRows = snapshotOfRows(stored.map((row) => ({ ...row, status: row.status as 'matched' | 'unmatched' | 'duplicate' })));
  // The members table is the truth; rows explain why each member is there.
  const explained = new Map(fromRows.members.map((member) => [member.companyId, member]));
  return { ...fromRows, members: memberIds.map((companyId) => explained.get(companyId) ?? { companyId, rowKey: null, isManualMatch: false }) };
}
