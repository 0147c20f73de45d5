import { listApiMembershipChanges } from '../../../adapters/db/publishing/segmentsApiRepo';
import { toIso } from '../../../adapters/db/segments/rows';
import { AppError } from '../../../domain/appError';
import type { Actor } from '../../../domain/permissions/policy';
import type { PublishingDeps } from '../publishSegment';
import { guardSegmentsApi } from './guardSegmentsApi';

function decodeCursor(cursor: string | undefined): { seq: number; companyId: string } {
  if (!cursor) return { seq: 0, companyId: '' };
  const [seq, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  if (!seq || !/^\d+$/.test(seq)) throw new AppError('validation_failed', 'The cursor is not one this API returned; start without a cursor.');
  return { seq: Number(seq), companyId: rest.join(':') };
}

/**
 * GET /api/v1/segment-changes?cursor=: accounts added to and removed from API-visible segments by refreshes since
 * the cursor, oldest first. Keep `nextCursor` and ask again later to stay in step without re-reading everything.
 */
export async function listSegmentChanges({ orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { cursor: string | undefined; limit: number } }, deps: PublishingDeps) {
  const settings = await guardSegmentsApi(orgId, actor, deps);
  const after = decodeCursor(input.cursor);
  const rows = await listApiMembershipChanges(deps.db, orgId, settings.scope, after, input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const next = last ? { seq: Number(last.seq), companyId: last.company_id } : after;
  return {
    changes: page.map((row) => ({ segmentId: row.segment_id, companyId: row.company_id, change: row.change, at: toIso(row.finished_at) ?? '' })),
    nextCursor: Buffer.from(`${next.seq}:${next.companyId}`, 'utf8').toString('base64url'),
    hasMore: rows.length > input.limit,
  };
}
