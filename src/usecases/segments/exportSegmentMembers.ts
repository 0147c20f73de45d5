import { listMemberRows } from '../../adapters/db/segments/accountsRepo';
import type { Actor } from '../../domain/permissions/policy';
import { toCsv } from '../../domain/segments/csvExport';
import { fileSafe } from './exportUnmatchedRows';
import { requireSegment } from './getSegment';
import { assertSegmentPermission, type SegmentDeps } from './segmentDeps';

/** The segment's accounts as CSV; cells starting with = + - @ tab or CR are prefixed with ' (formula injection). */
export async function exportSegmentMembers({ orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { segmentId: string } }, deps: SegmentDeps) {
  assertSegmentPermission(actor, 'view', orgId);
  const segment = await requireSegment(orgId, input.segmentId, deps);
  const rows = await listMemberRows(deps.db, orgId, segment.id, { sort: 'company', direction: 'asc', search: undefined, limit: 0, offset: undefined });
  const csv = toCsv(
    ['company_id', 'company', 'domain', 'country', 'region', 'industry', 'employee_range', 'revenue_range', 'crm_owner'],
    rows.map((row) => [row.company_id, row.name, row.domain, row.country, row.region, row.industry, row.employee_range, row.revenue_range, row.crm_owner]),
  );
  return { fileName: `${fileSafe(segment.name)}-accounts.csv`, contentType: 'text/csv' as const, csv };
}
