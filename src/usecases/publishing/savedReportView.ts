import type { SavedReportKind } from '../../domain/publish/savedReports';
import { SAVED_REPORT_KIND_LABELS } from '../../domain/publish/savedReports';

/** A saved report as the API shows it. */
export function toSavedReportView(report: { id: string; kind: string; name: string; segmentIds: string[]; createdAt: Date }) {
  return { id: report.id, kind: report.kind as SavedReportKind, kindLabel: SAVED_REPORT_KIND_LABELS[report.kind as SavedReportKind], name: report.name, segmentIds: report.segmentIds, createdAt: report.createdAt.toISOString() };
}
