import type { NotificationFacts, NotificationType } from './types';

/** A notification as people read it: a title, what happened, and what to do about it. */
export interface RenderedNotification {
  readonly title: string;
  readonly whatHappened: string;
  readonly whatToDo: string;
  readonly text: string;
  readonly html: string;
}

type Template = (facts: (key: string, fallback?: string) => string) => { title: string; whatHappened: string; whatToDo: string };

/** Providers as people name them (notifications, the home page). */
export const PROVIDER_NAMES: Readonly<Record<string, string>> = {
  salesforce: 'Salesforce',
  dynamics: 'Microsoft Dynamics 365',
  eloqua: 'Oracle Eloqua',
  marketo: 'Marketo',
  hubspot: 'HubSpot',
  pardot: 'Pardot',
  linkedin: 'LinkedIn',
  google: 'Google Ads',
  meta: 'Meta',
};

const TEMPLATES: Readonly<Record<NotificationType, Template>> = {
  credential_expiring: (f) => ({
    title: `${f('providerName')} credentials expire in ${count(f('daysLeft'), 'day')}`,
    whatHappened: `The ${f('providerName')} credentials you provided to openabm expire on ${f('expiresOn')} under the “Expire every 90 days” policy.`,
    whatToDo: `Update the password in ${f('providerName')}, then reconnect it in Settings > Integrations before ${f('expiresOn')} so syncs keep running.`,
  }),
  credential_expired: (f) => ({
    title: `${f('providerName')} credentials have expired`,
    whatHappened: `The ${f('providerName')} credentials you provided to openabm ${f('reason', 'have expired')}. Syncs with ${f('providerName')} are stopped.`,
    whatToDo: `Reconnect ${f('providerName')} in Settings > Integrations with the correct password.`,
  }),
  credential_updated: (f) => ({
    title: `${f('providerName')} credentials updated`,
    whatHappened: `The expired ${f('providerName')} credentials have been updated with the correct password. Syncs run again.`,
    whatToDo: 'Nothing: this is for your information.',
  }),
  crm_connection_changed: (f) => ({
    title: `${f('providerName')} connection is now ${f('statusLabel')}`,
    whatHappened: `The ${f('providerName')} connection changed from ${f('previousStatusLabel')} to ${f('statusLabel')}. ${f('reason', '')}`.trim(),
    whatToDo: f('whatToDo', 'Open Settings > Integrations to review the connection.'),
  }),
  api_limit_reached: (f) => ({
    title: `Daily API limit reached for ${f('providerName')}`,
    whatHappened: `openabm used the ${f('allowance')} ${f('providerName')} API calls allowed today. Synchronization with ${f('providerName')} is stopped until the limit resets at midnight UTC.`,
    whatToDo: `Raise the daily API allowance in Settings > Integrations if your ${f('providerName')} contract allows it, or wait for tomorrow's sync.`,
  }),
  web_visit_drop: (f) => ({
    title: 'Web visit data dropped significantly',
    whatHappened: `The web tag recorded ${count(f('lastWeekVisits'), 'visit')} in the last 7 days, under ${f('thresholdPercent')} % of the weekly average of the 4 weeks before (${f('weeklyAverage')}).`,
    whatToDo: 'Check the web tag configuration health in Settings > Web tag: the tag may be missing from pages, or maintenance was done on the website in that week.',
  }),
  web_few_pages: (f) => ({
    title: `Web tag tracked fewer than ${f('minPages')} pages last week`,
    whatHappened: `Visits to only ${count(f('pagesSeen'), 'web page')} of your website were tracked by the openabm web tag in the last 7 days.`,
    whatToDo: 'Configure the web tag on more web pages: more web visit data improves scoring and analysis.',
  }),
  privacy_opt_out_reminder: (f) => ({
    title: `Privacy opt-out requests: ${f('openCount')} open`,
    whatHappened:
      `${f('openCount') === '1' ? '1 privacy opt-out request is' : `${f('openCount')} privacy opt-out requests are`} open` +
      `${f('oldestReceivedOn', '') === '' ? '' : ` (${f('openCount') === '1' ? 'received' : 'the oldest received'} on ${f('oldestReceivedOn')})`}; ` +
      `${f('handledLastWeek') === '1' ? '1 was' : `${f('handledLastWeek')} were`} handled in the last 7 days.`,
    whatToDo: 'Handle the open requests in Settings > Privacy to comply with privacy opt-out requests.',
  }),
  data_sync_delayed: (f) => ({
    title: 'Daily data synchronization is delayed',
    whatHappened: `The daily ${f('providerName')} data synchronization scheduled at ${f('scheduledAt')} has not completed ${count(f('delayHours'), 'hour')} later. Scores, segments and alerts may show older data until it completes.`,
    whatToDo: 'Nothing yet: openabm keeps trying and tells you when it completes. If it stays delayed, check Settings > Integrations.',
  }),
  data_sync_completed: (f) => ({
    title: 'Daily data synchronization completed',
    whatHappened: `The delayed daily ${f('providerName')} data synchronization completed at ${f('completedAt')}. Scores, segments and alerts use the latest data again.`,
    whatToDo: 'Nothing: this is for your information.',
  }),
  ad_sync_failed: (f) => ({
    title: `Segment sync to ${f('channelName')} failed`,
    whatHappened: `The sync of segment “${f('segmentName')}” to ${f('channelName')} failed: ${f('error')}.`,
    whatToDo: f('whatToDo', 'Open the segment’s syncs to review the error, fix the ad account connection if needed, and sync again.'),
  }),
  ad_sync_recovered: (f) => ({
    title: `Segment sync to ${f('channelName')} synced again`,
    whatHappened: `The segment “${f('segmentName')}” that failed to sync to ${f('channelName')} has synced successfully again.`,
    whatToDo: 'Nothing: this is for your information.',
  }),
  publishing_failed: (f) => ({
    title: `Publishing segment names to ${f('providerName')} failed`,
    whatHappened: `Publishing segment names into ${f('providerName')} failed: ${f('error')}.`,
    whatToDo: f('whatToDo', `Check the ${f('providerName')} connection and field mapping in Settings > Integrations.`),
  }),
  enrichment_failed: (f) => ({
    title: `Segment name enrichment failed for ${f('providerName')}`,
    whatHappened: `Enriching ${f('providerName')} records with segment names failed: ${f('error')}.`,
    whatToDo: f('whatToDo', `Check the ${f('providerName')} connection in Settings > Integrations.`),
  }),
  publishing_recovered: (f) => ({
    title: `Publishing to ${f('providerName')} works again`,
    whatHappened: `Segment names are published into ${f('providerName')} again.`,
    whatToDo: 'Nothing: this is for your information.',
  }),
};

/** "1 day", "3 days", "unknown days": a count with its noun, singular for exactly one. */
function count(value: string, noun: string): string {
  return `${value} ${value === '1' ? noun : `${noun}s`}`;
}

/** Writes the message for an event from its facts; a missing fact reads as its fallback or "unknown". */
export function renderNotification(type: NotificationType, facts: NotificationFacts, appUrl: string): RenderedNotification {
  const read = (key: string, fallback = 'unknown'): string => {
    if (key === 'providerName' || key === 'channelName') {
      const named = facts[key];
      if (typeof named === 'string' && named) return named;
      const provider = facts.provider ?? facts.channel;
      return typeof provider === 'string' ? (PROVIDER_NAMES[provider] ?? provider) : fallback;
    }
    const value = facts[key];
    return value === null || value === undefined || value === '' ? fallback : String(value);
  };
  const { title, whatHappened, whatToDo } = TEMPLATES[type](read);
  const text = `${title}\n\nWhat happened: ${whatHappened}\n\nWhat to do: ${whatToDo}\n\nopenabm: ${appUrl}\n`;
  const html =
    `<!doctype html><html><body style="font-family:sans-serif">` +
    `<h2>${escapeHtml(title)}</h2>` +
    `<p><strong>What happened:</strong> ${escapeHtml(whatHappened)}</p>` +
    `<p><strong>What to do:</strong> ${escapeHtml(whatToDo)}</p>` +
    `<p><a href="${escapeHtml(appUrl)}">Open openabm</a></p></body></html>`;
  return { title, whatHappened, whatToDo, text, html };
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
