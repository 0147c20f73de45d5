/**
 * Every notification openabm raises, the recipient category it belongs to (recipients are managed per category in
 * Settings > Notifications) and whether it is an alert or a recovery (system-notifications.txt).
 */
export const NOTIFICATION_CATEGORIES = [
  'credential_expiration',
  'crm_connection',
  'api_limits',
  'web_visit_data',
  'privacy_opt_out',
  'data_sync',
  'ad_sync',
  'publishing_enrichment',
] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

export const CATEGORY_LABELS: Readonly<Record<NotificationCategory, string>> = {
  credential_expiration: 'Credential expiration',
  crm_connection: 'CRM connection status',
  api_limits: 'API limits',
  web_visit_data: 'Web visit data issues',
  privacy_opt_out: 'Privacy opt-out notifications',
  data_sync: 'Daily Data Synchronization Delays',
  ad_sync: 'Ad-sync failures',
  publishing_enrichment: 'Publishing and enrichment failures',
};

export type NotificationSeverity = 'alert' | 'recovery' | 'info';

/** The bell's badge of each notification (it showed `alert`, `recovery`, `info`). */
export const SEVERITY_LABELS: Readonly<Record<NotificationSeverity, string>> = { alert: 'Alert', recovery: 'Recovered', info: 'Info' };

interface TypeDefinition {
  readonly category: NotificationCategory;
  readonly severity: NotificationSeverity;
}

export const NOTIFICATION_TYPES = {
  credential_expiring: { category: 'credential_expiration', severity: 'alert' },
  credential_expired: { category: 'credential_expiration', severity: 'alert' },
  credential_updated: { category: 'credential_expiration', severity: 'recovery' },
  crm_connection_changed: { category: 'crm_connection', severity: 'info' },
  api_limit_reached: { category: 'api_limits', severity: 'alert' },
  web_visit_drop: { category: 'web_visit_data', severity: 'alert' },
  web_few_pages: { category: 'web_visit_data', severity: 'alert' },
  privacy_opt_out_reminder: { category: 'privacy_opt_out', severity: 'info' },
  data_sync_delayed: { category: 'data_sync', severity: 'alert' },
  data_sync_completed: { category: 'data_sync', severity: 'recovery' },
  ad_sync_failed: { category: 'ad_sync', severity: 'alert' },
  ad_sync_recovered: { category: 'ad_sync', severity: 'recovery' },
  publishing_failed: { category: 'publishing_enrichment', severity: 'alert' },
  enrichment_failed: { category: 'publishing_enrichment', severity: 'alert' },
  publishing_recovered: { category: 'publishing_enrichment', severity: 'recovery' },
} as const satisfies Record<string, TypeDefinition>;
export type NotificationType = keyof typeof NOTIFICATION_TYPES;

export function isNotificationType(value: string): value is NotificationType {
  return Object.hasOwn(NOTIFICATION_TYPES, value);
}

/** Facts are plain values the message is written from (names, dates, counts). */
export type NotificationFacts = Readonly<Record<string, string | number | boolean | null>>;
