import { CHANNEL_NAMES, MEMBER_KIND, MINIMUM_AUDIENCE_SIZE, type AdChannelId } from './channels';

/**
 * The dry run's expected match rate: a range from the identifiers present, never a promise (issue 9 decisions).
 * LinkedIn: the share of accounts with a website domain or LinkedIn page; Google/Meta: the share of people with an
 * e-mail or phone. The range applies the share to typical match rates of each identifier kind.
 */
const TYPICAL_MATCH: Readonly<Record<'company' | 'person', { low: number; high: number; basis: string }>> = {
  company: { low: 0.7, high: 0.95, basis: 'accounts with a website domain or LinkedIn page usually match 70–95 %' },
  person: { low: 0.3, high: 0.7, basis: 'business e-mail addresses and phones usually match 30–70 %' },
};

export interface DryRunCounts {
  readonly accountCount: number;
  /** Google/Meta: people at those accounts (CRM contacts and leads); LinkedIn: undefined. */
  readonly peopleCount: number | undefined;
  /** Members carrying a usable identifier (LinkedIn: domain or page; Google/Meta: e-mail or phone). */
  readonly identifiableCount: number;
}

export interface MatchRateEstimate {
  readonly lowPercent: number;
  readonly highPercent: number;
  readonly basis: string;
  readonly expectedMatchedLow: number;
  readonly expectedMatchedHigh: number;
  readonly warnings: readonly string[];
}

export function estimateMatchRate(channel: AdChannelId, counts: DryRunCounts): MatchRateEstimate {
  const kind = MEMBER_KIND[channel];
  const total = kind === 'company' ? counts.accountCount : (counts.peopleCount ?? 0);
  const share = total === 0 ? 0 : counts.identifiableCount / total;
  const typical = TYPICAL_MATCH[kind];
  const noun = kind === 'company' ? 'accounts' : 'people';
  const identifier = kind === 'company' ? 'a website domain or LinkedIn page' : 'an e-mail address or phone number';
  const lowPercent = Math.round(share * typical.low * 100);
  const highPercent = Math.round(share * typical.high * 100);
  const expectedMatchedLow = Math.floor(counts.identifiableCount * typical.low);
  const expectedMatchedHigh = Math.floor(counts.identifiableCount * typical.high);
  const minimum = MINIMUM_AUDIENCE_SIZE[channel];
  const warnings: string[] = [];
  if (kind === 'person' && (counts.peopleCount ?? 0) === 0) {
    warnings.push(
      counts.accountCount === 0
        ? 'The segment has no accounts yet, so 0 people would be sent.'
        : `0 people: none of the segment's ${counts.accountCount.toLocaleString('en-US')} accounts has a synced CRM contact or lead. ${CHANNEL_NAMES[channel]} audiences are lists of people; connect your CRM and let its contacts sync first.`,
    );
  } else if (expectedMatchedHigh < minimum) {
    warnings.push(
      `${CHANNEL_NAMES[channel]} needs at least ${minimum.toLocaleString('en-US')} matched members to serve; this segment would match about ${expectedMatchedLow.toLocaleString('en-US')}–${expectedMatchedHigh.toLocaleString('en-US')}.`,
    );
  }
  return {
    lowPercent,
    highPercent,
    basis: `${counts.identifiableCount.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} ${noun} (${Math.round(share * 100)} %) have ${identifier}; ${typical.basis}.`,
    expectedMatchedLow,
    expectedMatchedHigh,
    warnings,
  };
}
