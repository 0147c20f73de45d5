import { listMemberRows, type MemberRow, type MemberSort } from '../../adapters/db/segments/accountsRepo';
import { toIso } from '../../adapters/db/segments/rows';
import type { Actor } from '../../domain/permissions/policy';
import { requireSegment } from './getSegment';
import { assertSegmentPermission, type SegmentDeps } from './segmentDeps';

export interface ListMembersInput {
  segmentId: string;
  page: number;
  pageSize: number;
  sort: MemberSort;
  direction: 'asc' | 'desc';
  search?: string | undefined;
}

export function toMemberView(row: MemberRow) {
  return {
    companyId: row.company_id,
    company: row.name,
    domain: row.domain,
    country: row.country,
    region: row.region,
    industry: row.industry,
    size: row.employee_range,
    revenueRange: row.revenue_range,
    crmOwner: row.crm_owner,
    addedAt: toIso(row.added_at) ?? '',
  };
}

/** The segment's account table: company, domain, country, industry, size, CRM owner; paged and sortable. */
export async function listSegmentMembers({ orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: ListMembersInput }, deps: SegmentDeps) {
  assertSegmentPermission(actor, 'view', orgId);
  const segment = await requireSegment(orgId, input.segmentId, deps);
  const rows = await listMemberRows(deps.db, orgId, segment.id, {
    sort: input.sort,
    direction: input.direction,
    search: input.search || undefined,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  return { items: rows.map(toMemberView), total: rows[0]?.total ?? 0, page: input.page, pageSize: input.pageSize };
}
