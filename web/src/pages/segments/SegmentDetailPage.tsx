export function SegmentDetailPage() {
  return null;
}
