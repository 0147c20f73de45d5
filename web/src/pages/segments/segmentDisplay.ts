import { PUBLISH_USE_LABELS } from '../../../../src/contracts/publishing';
import type { SegmentSummary } from '../../../../src/contracts/segments';

type Status = SegmentSummary['status'];

export const SEGMENT_STATUS_LABELS: Readonly<Record<Status, string>> = {
  pending: 'Pending',
  ready: 'Up to date',
  refreshing: 'Refreshing',
  error: 'Not updating',
};

export const SEGMENT_STATUS_COLORS: Readonly<Record<Status, string>> = {
  pending: 'gray',
  ready: 'green',
  refreshing: 'blue',
  error: 'red',
};

/** The badge of a segment: a queued "Refresh now" shows before a worker picks it up. */
export function segmentBadge(segment: Pick<SegmentSummary, 'status' | 'isRefreshQueued'>): { label: string; color: string; isWorking: boolean } {
  if (segment.isRefreshQueued && segment.status !== 'refreshing') return { label: 'Refresh queued', color: 'blue', isWorking: true };
  return { label: SEGMENT_STATUS_LABELS[segment.status], color: SEGMENT_STATUS_COLORS[segment.status], isWorking: segment.status === 'refreshing' || segment.status === 'pending' };
}

const numberFormat = new Intl.NumberFormat('en');
export function formatCount(value: number): string {
  return numberFormat.format(value);
}

/** The source in words: "CRM Report · Converted Leads". The CRM's id is a detail (sourceDetail), not a name. */
export function describeSource(source: SegmentSummary['source']): string {
  const name = source.sourceName ?? source.fileName ?? (source.sourceId === null ? null : 'unnamed');
  return name === null ? source.label : `${source.label} · ${name}`;
}

/** "2 syncs · Published: Account Details, GTM", or null when the segment is not activated anywhere. */
export function describeActivations(activations: SegmentSummary['activations']): string | null {
  const uses = activations.publishedUses.map((use) => PUBLISH_USE_LABELS[use]);
  const parts = [
    ...(activations.activeSyncCount > 0 ? [`${activations.activeSyncCount} ${activations.activeSyncCount === 1 ? 'sync' : 'syncs'}`] : []),
    ...(activations.isPublished ? [uses.length > 0 ? `Published: ${uses.join(', ')}` : 'Published'] : []),
  ];
  return parts.length === 0 ? null : parts.join(' · ');
}

/** Saves a file the API answered (text/csv + Content-Disposition, see fetchFile) through a temporary link. */
export function downloadCsv(file: { fileName: string; blob: Blob }): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start the download after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
