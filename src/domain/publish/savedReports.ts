/**
 * Saved analytics objects that use GTM segments: "If a GTM segment is already used in a saved 6QA analytics
 * report, saved Funnel Insights report, or custom 6QA, it can't be unpublished." Named neutrally for openabm.
 */
export const SAVED_REPORT_KINDS = ['qualified_account_report', 'funnel_report', 'custom_qualification'] as const;
export type SavedReportKind = (typeof SAVED_REPORT_KINDS)[number];

export const SAVED_REPORT_KIND_LABELS: Readonly<Record<SavedReportKind, string>> = {
  qualified_account_report: 'saved qualified-account analytics report',
  funnel_report: 'saved funnel report',
  custom_qualification: 'custom qualified-account definition',
};

/** The refusal naming every saved report that uses the segment. */
export function gtmInUseMessage(segmentName: string, users: ReadonlyArray<{ kind: SavedReportKind; name: string }>): string {
  const named = users.map((user) => `${SAVED_REPORT_KIND_LABELS[user.kind]} “${user.name}”`).join(', ');
  return `“${segmentName}” cannot be unpublished from GTM because it is used by: ${named}. Remove it from ${users.length === 1 ? 'that report' : 'those reports'} first.`;
}
