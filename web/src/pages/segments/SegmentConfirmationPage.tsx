export function SegmentConfirmationPage() {
  return null;
}
