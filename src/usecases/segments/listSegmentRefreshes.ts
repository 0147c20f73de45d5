import { sql } from 'drizzle-orm';
import { listChanges, listRefreshes } from '../../adapters/db/segments/membershipRepo';
import { queryRows, toIso } from '../../adapters/db/segments/rows';
import type { Actor } from '../../domain/permissions/policy';
import { CHANGE_REASON_LABELS } from '../../domain/segments/diffMembership';
import { requireSegment } from './getSegment';
import { assertSegmentPermission, type SegmentDeps } from './segmentDeps';

type Trigger = 'create' | 'schedule' | 'manual' | 'edit' | 'manual_match';

/** Refresh history, newest first (the last 100). */
export async function listSegmentRefreshes({ orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { segmentId: string } }, deps: SegmentDeps) {
  assertSegmentPermission(actor, 'view', orgId);
  const segment = await requireSegment(orgId, input.segmentId, deps);
  const rows = await listRefreshes(deps.db, orgId, segment.id, 100);
  const userIds = [...new Set(rows.flatMap((row) => (row.triggeredBy ? [row.triggeredBy] : [])))];
  const users =
    userIds.length === 0
      ? []
      : await queryRows<{ id: string; name: string | null }>(deps.db, sql`SELECT id, name FROM users WHERE org_id = ${orgId} AND id = ANY(${sql.param(userIds)}::uuid[])`);
  const nameOf = new Map(users.map((user) => [user.id, user.name]));
  return {
    items: rows.map((row) => ({
      id: row.id,
      trigger: row.trigger as Trigger,
      triggeredBy: row.triggeredBy ? { userId: row.triggeredBy, name: nameOf.get(row.triggeredBy) ?? null } : null,
      note: row.note,
      status: row.status as 'succeeded' | 'failed',
      errorMessage: row.errorMessage,
      counts: { recordsRead: row.recordsRead, matched: row.matchedCount, unmatched: row.unmatchedCount, duplicates: row.duplicateCount, members: row.memberCount },
      addedCount: row.addedCount,
      removedCount: row.removedCount,
      startedAt: toIso(row.startedAt) ?? '',
      finishedAt: toIso(row.finishedAt) ?? '',
    })),
  };
}

/** The accounts one refresh added and removed, with why. */
export async function listRefreshChanges(
  { orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { segmentId: string; refreshId: string; page: number; pageSize: number } },
  deps: SegmentDeps,
) {
  assertSegmentPermission(actor, 'view', orgId);
  const segment = await requireSegment(orgId, input.segmentId, deps);
  const rows = await listChanges(deps.db, orgId, segment.id, input.refreshId, input.pageSize, (input.page - 1) * input.pageSize);
  return {
    items: rows.map((row) => ({
      companyId: row.company_id,
      name: row.name,
      domain: row.domain,
      change: row.change as 'added' | 'removed',
      why: row.why,
      whyLabel: CHANGE_REASON_LABELS[row.why as keyof typeof CHANGE_REASON_LABELS] ?? row.why,
    })),
    total: rows[0]?.total ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}
