import { findCompanyNames } from '../../adapters/db/segments/accountsRepo';
import type { SourceRowRecord } from '../../adapters/db/segments/membershipRepo';
import { unmatchedReasonLabel } from '../../domain/segments/unmatchedReasons';
import type { SegmentDeps } from './segmentDeps';

/** Source rows as the confirmation page shows them, with company names for the match and the candidates. */
export async function toSourceRowViews(orgId: string, rows: readonly SourceRowRecord[], deps: SegmentDeps) {
  const ids = rows.flatMap((row) => [...(row.companyId ? [row.companyId] : []), ...row.candidates.map((candidate) => candidate.companyId)]);
  const names = await findCompanyNames(deps.db, orgId, ids);
  return rows.map((row) => {
    const company = row.companyId ? names.get(row.companyId) : undefined;
    return {
      rowNumber: row.rowNumber,
      name: row.name,
      domain: row.domain,
      country: row.country,
      crmObjectType: row.crmObjectType,
      crmExternalId: row.crmExternalId,
      status: row.status as 'matched' | 'unmatched' | 'duplicate',
      reason: row.reason,
      reasonLabel: row.status === 'unmatched' ? unmatchedReasonLabel(row.reason) : null,
      company: row.companyId ? { id: row.companyId, name: company?.name ?? null, domain: company?.domain ?? null, country: company?.country ?? null } : null,
      isManualMatch: row.isManualMatch,
      isFilteredOut: row.isFilteredOut,
      candidates: row.candidates.map((candidate) => {
        const known = names.get(candidate.companyId);
        return { companyId: candidate.companyId, score: candidate.score, name: known?.name ?? null, domain: known?.domain ?? null, country: known?.country ?? null };
      }),
    };
  });
}
