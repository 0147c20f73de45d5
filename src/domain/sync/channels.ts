/** The advertising channels a segment can sync to, and the facts the domain rules need about each. */
export type AdChannelId = 'linkedin' | 'meta' | 'google';
export const AD_CHANNEL_IDS: readonly AdChannelId[] = ['google', 'linkedin', 'meta'];

export const CHANNEL_NAMES: Readonly<Record<AdChannelId, string>> = { google: 'Google', linkedin: 'LinkedIn', meta: 'Meta' };

/** What an audience holds: LinkedIn company audiences hold accounts; Google and Meta customer lists hold people. */
export type AudienceMemberKind = 'company' | 'person';
export const MEMBER_KIND: Readonly<Record<AdChannelId, AudienceMemberKind>> = { linkedin: 'company', meta: 'person', google: 'person' };

/** Minimum matched members before an audience serves (issue 9 decisions; linkedin.md §5, google-ads.md §1). */
export const MINIMUM_AUDIENCE_SIZE: Readonly<Record<AdChannelId, number>> = { linkedin: 300, meta: 100, google: 100 };

export function isAdChannelId(value: string): value is AdChannelId {
  return (AD_CHANNEL_IDS as readonly string[]).includes(value);
}
