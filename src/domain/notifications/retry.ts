/** Delivery retries: backoff after a temporary SMTP failure, and when to give up. */
export const RETRY_DELAYS_MS: readonly number[] = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000, 4 * 60 * 60_000];

/** What to do with an outbox row after an attempt. attemptCount counts the attempt just made. */
export function nextDeliveryStep(
  result: { status: 'accepted' } | { status: 'failed'; isPermanent: boolean },
  attemptCount: number,
): { status: 'sent' } | { status: 'bounced' } | { status: 'failed' } | { status: 'pending'; retryInMs: number } {
  if (result.status === 'accepted') return { status: 'sent' };
  if (result.isPermanent) return { status: 'bounced' };
  const delay = RETRY_DELAYS_MS[attemptCount - 1];
  return delay === undefined ? { status: 'failed' } : { status: 'pending', retryInMs: delay };
}
