import { findCompanyNames } from '../../adapters/db/segments/accountsRepo';
import type { SourceRowRecord } from '../../adapters/db/segments/membershipRepo';
import { describeEqualFits } from '../../domain/segments/equalFits';
import { unmatchedReasonLabel } from '../../domain/segments/unmatchedReasons';
import type { SegmentDeps } from './segmentDeps';

/** Source rows as the confirmation page shows them, with company names for the match and the candidates. */
export async function toSourceRowViews(orgId: string, rows: readonly SourceRowRecord[], deps: SegmentDeps) {
  const ids = rows.flatMap((row) => [...(row.companyId ? [row.companyId] : []), ...row.candidates.map((candidate) => candidate.companyId)]);
  const names = await findCompanyNames(deps.db, orgId, ids);
  return rows.map((row) => {
    const company = row.companyId ? names.get(row.companyId) : undefined;
    const candidates = row.candidates.map((candidate) => {
      const known = names.get(candidate.companyId);
      return { companyId: candidate.companyId, score: candidate.score, name: known?.name ?? null, domain: known?.domain ?? null, city: known?.city ?? null, country: known?.country ?? null, sources: known?.sources ?? [] };
    });
    // Several companies that fit equally: said in words, each with what tells it apart (not a lone "100 %").
    const equalFits = row.status === 'unmatched' && row.reason === 'ambiguous' ? describeEqualFits(candidates) : undefined;
    return {
      rowNumber: row.rowNumber,
      name: row.name,
      domain: row.domain,
      country: row.country,
      crmObjectType: row.crmObjectType,
      crmExternalId: row.crmExternalId,
      status: row.status as 'matched' | 'unmatched' | 'duplicate',
      reason: row.reason,
      reasonLabel: row.status === 'unmatched' ? (equalFits?.label ?? unmatchedReasonLabel(row.reason)) : null,
      company: row.companyId ? { id: row.companyId, name: company?.name ?? null, domain: company?.domain ?? null, country: company?.country ?? null } : null,
      isManualMatch: row.isManualMatch,
      isFilteredOut: row.isFilteredOut,
      candidates: candidates.map(({ sources: _sources, ...candidate }) => {
        const detail = equalFits?.details.get(candidate.companyId);
        return { ...candidate, isEqualFit: detail !== undefined, detail: detail ?? null };
      }),
    };
  });
}
