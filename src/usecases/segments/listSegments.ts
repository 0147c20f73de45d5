import { listSegmentRows, type SegmentListFilter } from '../../adapters/db/segments/segmentsRepo';
import type { Actor } from '../../domain/permissions/policy';
import { activationsOf, assertSegmentPermission, type SegmentDeps } from './segmentDeps';
import { toSummary } from './segmentViews';

export interface ListSegmentsInput {
  page: number;
  pageSize: number;
  search?: string | undefined;
  folderId?: string | undefined;
  sourceType?: string | undefined;
  ownerUserId?: string | undefined;
  status?: string | undefined;
  refreshedAfter?: string | undefined;
  refreshedBefore?: string | undefined;
  sort: SegmentListFilter['sort'];
  direction: 'asc' | 'desc';
}

/** The segment list: folders, search, filters (source type, owner, refreshed, status), and the Activations column. */
export async function listSegments({ orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: ListSegmentsInput }, deps: SegmentDeps) {
  assertSegmentPermission(actor, 'view', orgId);
  const rows = await listSegmentRows(deps.db, orgId, {
    search: input.search || undefined,
    folderId: input.folderId === 'none' ? null : input.folderId,
    sourceType: input.sourceType,
    ownerUserId: input.ownerUserId,
    status: input.status,
    refreshedAfter: input.refreshedAfter ? new Date(input.refreshedAfter) : undefined,
    refreshedBefore: input.refreshedBefore ? new Date(input.refreshedBefore) : undefined,
    sort: input.sort,
    direction: input.direction,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  const activations = await activationsOf(deps).activationsOf(orgId, rows.map((row) => row.id));
  return { items: rows.map((row) => toSummary(row, activations.get(row.id))), total: rows[0]?.total ?? 0, page: input.page, pageSize: input.pageSize };
}
