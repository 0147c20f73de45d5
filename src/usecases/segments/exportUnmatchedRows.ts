import { listSourceRows } from '../../adapters/db/segments/membershipRepo';
import type { Actor } from '../../domain/permissions/policy';
import { toCsv } from '../../domain/segments/csvExport';
import { unmatchedReasonLabel } from '../../domain/segments/unmatchedReasons';
import { requireSegment } from './getSegment';
import { assertSegmentPermission, type SegmentDeps } from './segmentDeps';
import { toSourceRowViews } from './sourceRowViews';

/**
 * "Unmatched Accounts" as a formula-safe CSV: row, name, domain, country, CRM id, reason, best candidate. A row that
 * several companies fit equally says so as the confirmation page does ("2 companies named “X” in … fit equally well;
 * choose one.") and lists the tied companies (id, name and what tells it apart) in equal_fits, with no best
 * candidate: the first of them would be a pick at random.
 */
export async function exportUnmatchedRows({ orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { segmentId: string } }, deps: SegmentDeps) {
  assertSegmentPermission(actor, 'view', orgId);
  const segment = await requireSegment(orgId, input.segmentId, deps);
  const rows = await toSourceRowViews(orgId, await listSourceRows(deps.db, orgId, segment.id, 'unmatched'), deps);
  const csv = toCsv(
    ['row', 'name', 'domain', 'country', 'crm_id', 'reason', 'reason_description', 'best_candidate_company_id', 'best_candidate_score', 'equal_fits'],
    rows.map((row) => {
      const equalFits = row.candidates.filter((candidate) => candidate.isEqualFit);
      const best = equalFits.length > 0 ? undefined : row.candidates[0];
      const listed = equalFits.map((candidate) => `${candidate.companyId}${candidate.name ? ` “${candidate.name}”` : ''}${candidate.detail ? ` (${candidate.detail})` : ''}`).join('; ');
      return [row.rowNumber, row.name, row.domain, row.country, row.crmExternalId, row.reason, row.reasonLabel ?? unmatchedReasonLabel(row.reason), best?.companyId ?? null, best?.score ?? null, listed || null];
    }),
  );
  return { fileName: `${fileSafe(segment.name)}-unmatched.csv`, contentType: 'text/csv' as const, csv };
}

export function fileSafe(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'segment';
}
