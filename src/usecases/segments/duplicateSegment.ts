import { sql } from 'drizzle-orm';
import { copyOverrides } from '../../adapters/db/segments/membershipRepo';
import { findSegment, insertSegment } from '../../adapters/db/segments/segmentsRepo';
import { AppError } from '../../domain/appError';
import type { Actor } from '../../domain/permissions/policy';
import { requireSegment } from './getSegment';
import { assertSegmentPermission, type SegmentDeps } from './segmentDeps';
import { loadSegmentDetail } from './segmentViews';

/** Copies a segment: source, filters, folder, manual match fixes, source rows and membership (no provider call). */
export async function duplicateSegment({ orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { segmentId: string; name?: string | undefined } }, deps: SegmentDeps) {
  assertSegmentPermission(actor, 'segment.create', orgId);
  const original = await requireSegment(orgId, input.segmentId, deps);
  const now = deps.clock.now();
  const copyId = await deps.db.transaction(async (tx) => {
    const copy = await insertSegment(tx, orgId, {
      name: input.name ?? `${original.name} (copy)`.slice(0, 200),
      folderId: original.folderId,
      sourceType: original.sourceType,
      sourceConfig: original.sourceConfig,
      filter: original.filter,
      ownerUserId: actor?.kind === 'user' ? (actor.userId ?? null) : original.ownerUserId,
      status: original.status === 'refreshing' ? 'ready' : original.status,
      statusMessage: original.statusMessage,
      memberCount: original.memberCount,
      recordsRead: original.recordsRead,
      matchedCount: original.matchedCount,
      unmatchedCount: original.unmatchedCount,
      duplicateCount: original.duplicateCount,
      lastRefreshedAt: original.lastRefreshedAt,
      nextRefreshAt: original.nextRefreshAt,
      createdAt: now,
      updatedAt: now,
    });
    await copyOverrides(tx, orgId, original.id, copy.id);
    await tx.execute(sql`INSERT INTO segment_source_rows (org_id, segment_id, row_number, row_key, crm_object_type, crm_external_id, name, domain, country, status, reason, company_id, score, is_manual_match, is_filtered_out, candidates)
      SELECT org_id, ${copy.id}::uuid, row_number, row_key, crm_object_type, crm_external_id, name, domain, country, status, reason, company_id, score, is_manual_match, is_filtered_out, candidates
      FROM segment_source_rows WHERE org_id = ${orgId} AND segment_id = ${original.id}`);
    await tx.execute(sql`INSERT INTO segment_members (org_id, segment_id, company_id, added_at)
      SELECT org_id, ${copy.id}::uuid, company_id, ${now}::timestamptz FROM segment_members WHERE org_id = ${orgId} AND segment_id = ${original.id}`);
    return copy.id;
  });
  const copy = await findSegment(deps.db, orgId, copyId);
  if (!copy) throw new AppError('not_found', 'The segment was not found.');
  return loadSegmentDetail(orgId, copy, deps);
}
