import { CHANNEL_NAMES, MINIMUM_AUDIENCE_SIZE, type AdChannelId } from './channels';

/**
 * Every problem the channels and the sync engine can raise, each with what happened and what to do (issue 9,
 * "Troubleshooting"). Connectors classify provider answers into these codes; sync details and notifications show them.
 */
export const SYNC_ERROR_CODES = [
  'token_expired',
  'token_revoked',
  'reauth_yearly',
  'missing_permission',
  'terms_not_accepted',
  'audience_too_small',
  'removal_below_minimum',
  'quota_exceeded',
  'channel_outage',
  'audience_deleted',
  'consent_not_granted',
  'no_people',
  'owner_deactivated',
  'rows_rejected',
  'segment_refresh_failed',
  'unexpected_answer',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

/** error: the sync stopped (failed); warning: it runs on, someone should look; info: done for the user, told. */
export type SyncAlertSeverity = 'error' | 'warning' | 'info';

export interface SyncAlertText {
  readonly code: SyncErrorCode;
  readonly severity: SyncAlertSeverity;
  readonly title: string;
  readonly whatHappened: string;
  readonly whatToDo: string;
}

type Entry = Omit<SyncAlertText, 'code'>;

function catalogue(channel: string, minimum: number): Readonly<Record<SyncErrorCode, Entry>> {
  return {
    token_expired: {
      severity: 'error',
      title: `${channel} login expired`,
      whatHappened: `The ${channel} login this sync runs on has expired, so openabm can no longer update the audience.`,
      whatToDo: `Reconnect ${channel} in Advertising > Overview, then toggle the sync on to run it from your login.`,
    },
    token_revoked: {
      severity: 'error',
      title: `${channel} access revoked`,
      whatHappened: `${channel} refused the login this sync runs on: access was revoked or the password changed.`,
      whatToDo: `Reconnect ${channel} in Advertising > Overview, then toggle the sync on to run it from your login.`,
    },
    reauth_yearly: {
      severity: 'error',
      title: `${channel} needs its yearly sign-in`,
      whatHappened: `${channel} requires you to sign in again once a year; the login this sync runs on has reached that date.`,
      whatToDo: `Reconnect ${channel} in Advertising > Overview, then toggle the sync on.`,
    },
    missing_permission: {
      severity: 'error',
      title: 'Missing permission on the ad account',
      whatHappened: `The ${channel} login this sync runs on is not allowed to manage audiences in this ad account.`,
      whatToDo: `Ask an ${channel} administrator of the ad account to give this login an audience-management role (LinkedIn: Account Manager, Campaign Manager or Owner), or toggle the sync on from a login that has it.`,
    },
    terms_not_accepted: {
      severity: 'error',
      title: `${channel} terms of service not accepted`,
      whatHappened: `The ad account has not accepted ${channel}'s customer list terms of service, so ${channel} refuses the upload.`,
      whatToDo: `Accept the customer list terms in the ${channel} ad account settings, then toggle the sync on.`,
    },
    audience_too_small: {
      severity: 'warning',
      title: 'Audience too small to serve',
      whatHappened: `${channel} needs at least ${minimum.toLocaleString('en-US')} matched members before the audience can be used in campaigns.`,
      whatToDo: 'Add accounts to the segment (or people to your CRM for them) so more members match; the sync keeps the audience up to date meanwhile.',
    },
    removal_below_minimum: {
      severity: 'warning',
      title: 'Removals take the audience below the minimum',
      whatHappened: `The members that left the segment were removed, which takes the audience below ${channel}'s minimum of ${minimum.toLocaleString('en-US')}. Campaigns using it may stop serving.`,
      whatToDo: 'Check the campaigns that use this audience, or add accounts to the segment.',
    },
    quota_exceeded: {
      severity: 'warning',
      title: `${channel} rate limit reached`,
      whatHappened: `${channel} asked openabm to slow down (rate limit or daily quota). Nothing was lost.`,
      whatToDo: 'Nothing: openabm waits as long as the channel asks and continues where it stopped.',
    },
    channel_outage: {
      severity: 'warning',
      title: `${channel} unavailable`,
      whatHappened: `${channel} did not answer or answered with a server error. Nothing was lost.`,
      whatToDo: 'Nothing: openabm retries on the next run. If this persists for a day, check the channel’s status page.',
    },
    audience_deleted: {
      severity: 'info',
      title: 'Audience recreated',
      whatHappened: `The audience was deleted in ${channel}, so openabm created a new one and sent the whole segment to it.`,
      whatToDo: `Point your ${channel} campaigns at the new audience (same name); the old one no longer exists.`,
    },
    consent_not_granted: {
      severity: 'error',
      title: 'Consent for Google not granted',
      whatHappened: 'Google requires you to declare that the people in the list consented to ad use of their data and to ad personalisation; your organisation has not declared it.',
      whatToDo: 'An administrator can declare consent under Settings > Advertising once your organisation has collected it, then toggle the sync on.',
    },
    no_people: {
      severity: 'warning',
      title: '0 people to send',
      whatHappened: `${channel} audiences are lists of people, and none of the segment's accounts has a synced CRM contact or lead with an e-mail address or phone number.`,
      whatToDo: 'Connect your CRM (Settings > Integrations) and let its contacts and leads sync, or sync this segment to LinkedIn, which matches companies.',
    },
    owner_deactivated: {
      severity: 'error',
      title: 'The sync’s login belongs to a deactivated user',
      whatHappened: `The user whose ${channel} login this sync runs on was deactivated.`,
      whatToDo: 'Toggle the sync on from your own login (you need access to the ad account).',
    },
    rows_rejected: {
      severity: 'warning',
      title: 'Some members were rejected',
      whatHappened: `${channel} (or openabm's checks before sending) refused some members; the others were sent.`,
      whatToDo: 'See the rejections below: fix the e-mail addresses, phone numbers or company details in your CRM.',
    },
    segment_refresh_failed: {
      severity: 'warning',
      title: 'Segment refresh failed',
      whatHappened: 'The segment could not be refreshed, so the audience keeps the last good membership.',
      whatToDo: 'Open the segment to see why the refresh failed; the sync resumes after its next successful refresh.',
    },
    unexpected_answer: {
      severity: 'error',
      title: `Unexpected answer from ${channel}`,
      whatHappened: `${channel} answered in a way openabm does not understand.`,
      whatToDo: 'Toggle the sync on to try again; if it fails again, contact support with the sync ID.',
    },
  };
}

export function syncAlertText(channel: AdChannelId, code: SyncErrorCode): SyncAlertText {
  return { code, ...catalogue(CHANNEL_NAMES[channel], MINIMUM_AUDIENCE_SIZE[channel])[code] };
}

export function isSyncErrorCode(value: string): value is SyncErrorCode {
  return (SYNC_ERROR_CODES as readonly string[]).includes(value);
}

/** Codes after which the sync stops (failed) until someone toggles it on; the rest let it run on. */
export function isStoppingError(code: SyncErrorCode): boolean {
  return catalogue('', 0)[code].severity === 'error';
}
