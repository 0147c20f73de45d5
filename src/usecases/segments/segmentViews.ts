import type { z } from 'zod';
import type { SegmentListRow, SegmentRow } from '../../adapters/db/segments/segmentsRepo';
import { listSegmentRows } from '../../adapters/db/segments/segmentsRepo';
import { toIso } from '../../adapters/db/segments/rows';
import type { segmentDetail, segmentSummary } from '../../contracts/segments';
import { AppError } from '../../domain/appError';
import { filterNode } from '../../domain/segments/filterTree';
import type { SegmentStatus } from '../../domain/segments/refreshDecision';
import { displayNameOf, SOURCE_TYPE_LABELS, type SourceType } from '../../domain/segments/segmentSource';
import type { SegmentActivationSummary } from '../../ports/segmentSources';
import { activationsOf, type SegmentDeps } from './segmentDeps';
import { isPublishUse } from '../../domain/publish/publishUses';

type Summary = z.input<typeof segmentSummary>;
type Detail = z.input<typeof segmentDetail>;

const NO_ACTIVATION: SegmentActivationSummary = { activeSyncCount: 0, isPublished: false };

function text(config: Record<string, unknown>, key: string): string | null {
  const value = config[key];
  return typeof value === 'string' ? value : null;
}

export function toSummary(row: SegmentListRow, activation: SegmentActivationSummary | undefined): Summary {
  const config = row.source_config;
  const provider = text(config, 'provider');
  return {
    id: row.id,
    name: row.name,
    folder: row.folder_id ? { id: row.folder_id, name: row.folder_name ?? '' } : null,
    source: {
      type: row.source_type as SourceType,
      label: SOURCE_TYPE_LABELS[row.source_type as SourceType] ?? row.source_type,
      provider: provider === 'salesforce' || provider === 'dynamics' ? provider : null,
      kind: text(config, 'kind'),
      sourceId: text(config, 'sourceId'),
      sourceName: displayNameOf(text(config, 'sourceId') ?? '', text(config, 'sourceName')) ?? null,
      objectType: text(config, 'objectType'),
      uploadId: text(config, 'uploadId'),
      fileName: text(config, 'fileName'),
    },
    owner: row.owner_user_id ? { userId: row.owner_user_id, name: row.owner_name } : null,
    status: row.status as SegmentStatus,
    isRefreshQueued: row.is_refresh_queued === true && row.status !== 'refreshing',
    statusMessage: row.status_message,
    memberCount: row.member_count,
    lastRefreshedAt: toIso(row.last_refreshed_at),
    createdAt: toIso(row.created_at) ?? '',
    updatedAt: toIso(row.updated_at) ?? '',
    activations: {
      activeSyncCount: activation?.activeSyncCount ?? 0,
      isPublished: activation?.isPublished ?? false,
      publishedUses: (activation?.publishedUses ?? []).filter(isPublishUse),
    },
  };
}

/** Why a segment cannot be deleted now, or null. */
export function deleteBlockedReason(activation: SegmentActivationSummary | undefined): string | null {
  const { activeSyncCount, isPublished } = activation ?? NO_ACTIVATION;
  if (activeSyncCount === 0 && !isPublished) return null;
  const uses = [
    ...(activeSyncCount > 0 ? [`synced to ${activeSyncCount} ad account${activeSyncCount === 1 ? '' : 's'}`] : []),
    ...(isPublished ? ['published'] : []),
  ].join(' and ');
  return `This segment cannot be deleted while it is ${uses}. Turn off its syncs and unpublish it first.`;
}

export async function loadSegmentDetail(orgId: string, segment: SegmentRow, deps: SegmentDeps): Promise<Detail> {
  const [row] = await listSegmentRows(deps.db, orgId, { segmentId: segment.id, sort: 'name', direction: 'asc', limit: 1, offset: 0 });
  if (!row) throw new AppError('not_found', 'The segment was not found.');
  const activation = (await activationsOf(deps).activationsOf(orgId, [segment.id])).get(segment.id);
  const parsedFilter = segment.filter === null ? null : filterNode.safeParse(segment.filter);
  return {
    ...toSummary(row, activation),
    filter: parsedFilter && parsedFilter.success ? parsedFilter.data : null,
    counts: {
      recordsRead: segment.recordsRead,
      matched: segment.matchedCount,
      unmatched: segment.unmatchedCount,
      duplicates: segment.duplicateCount,
      members: segment.memberCount,
    },
    lastAttemptedAt: toIso(segment.lastAttemptedAt),
    nextRefreshAt: toIso(segment.nextRefreshAt),
    deleteBlockedReason: deleteBlockedReason(activation),
  };
}
