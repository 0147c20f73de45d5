import type { UnmatchedReason } from '../matching/types';

/** Why a row is an "Unmatched Account", in the words of crm-sync-segments.txt (openabm for 6sense). */
export const UNMATCHED_REASON_LABELS: Readonly<Record<UnmatchedReason, string>> = {
  excluded_domain: 'The provided domain is on the exclusion list.',
  missing_data: 'The provided record is missing name, domain or country data.',
  no_candidate: 'openabm’s database does not include any account corresponding to the provided name, domain, and country values.',
  ambiguous: 'Several companies in the database fit the provided name, domain, and country equally well; pick the right one.',
  low_score: 'The closest company in the database does not fit the provided name, domain, and country closely enough.',
};

export function unmatchedReasonLabel(reason: string | null): string {
  return reason && reason in UNMATCHED_REASON_LABELS ? UNMATCHED_REASON_LABELS[reason as UnmatchedReason] : UNMATCHED_REASON_LABELS.no_candidate;
}
