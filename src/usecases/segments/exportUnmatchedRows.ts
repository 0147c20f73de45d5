import { listSourceRows } from '../../adapters/db/segments/membershipRepo';
import type { Actor } from '../../domain/permissions/policy';
import { toCsv } from '../../domain/segments/csvExport';
import { unmatchedReasonLabel } from '../../domain/segments/unmatchedReasons';
import { requireSegment } from './getSegment';
import { assertSegmentPermission, type SegmentDeps } from './segmentDeps';

/** "Unmatched Accounts" as a formula-safe CSV: row, name, domain, country, CRM id, reason, best candidate. */
export async function exportUnmatchedRows({ orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { segmentId: string } }, deps: SegmentDeps) {
  assertSegmentPermission(actor, 'view', orgId);
  const segment = await requireSegment(orgId, input.segmentId, deps);
  const rows = await listSourceRows(deps.db, orgId, segment.id, 'unmatched');
  const csv = toCsv(
    ['row', 'name', 'domain', 'country', 'crm_id', 'reason', 'reason_description', 'best_candidate_company_id', 'best_candidate_score'],
    rows.map((row) => [row.rowNumber, row.name, row.domain, row.country, row.crmExternalId, row.reason, unmatchedReasonLabel(row.reason), row.candidates[0]?.companyId ?? null, row.candidates[0]?.score ?? null]),
  );
  return { fileName: `${fileSafe(segment.name)}-unmatched.csv`, contentType: 'text/csv' as const, csv };
}

export function fileSafe(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'segment';
}
