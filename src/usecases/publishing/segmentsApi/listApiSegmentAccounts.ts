import { isApiSegment, listApiSegmentAccounts as listRows } from '../../../adapters/db/publishing/segmentsApiRepo';
import { AppError } from '../../../domain/appError';
import type { Actor } from '../../../domain/permissions/policy';
import type { PublishingDeps } from '../publishSegment';
import { guardSegmentsApi } from './guardSegmentsApi';

/** GET /api/v1/segments/:id/accounts: the segment's accounts, page by page through an opaque cursor. */
export async function listApiSegmentAccounts(
  { orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { segmentId: string; cursor: string | undefined; limit: number } },
  deps: PublishingDeps,
) {
  const settings = await guardSegmentsApi(orgId, actor, deps);
  if (!(await isApiSegment(deps.db, orgId, settings.scope, input.segmentId))) throw new AppError('not_found', 'The segment was not found among the segments available to the API.');
  const after = input.cursor ? Buffer.from(input.cursor, 'base64url').toString('utf8') : '';
  const rows = await listRows(deps.db, orgId, input.segmentId, after, input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    accounts: page.map((row) => ({ companyId: row.company_id, name: row.name, domain: row.domain, country: row.country?.trim() ?? null })),
    nextCursor: rows.length > input.limit && last ? Buffer.from(last.company_id, 'utf8').toString('base64url') : null,
  };
}
