/**
 * Data Manager enums by number: clients in REST fallback mode (`$alt=json;enum-encoding=int`, e.g.
 * @google-ads/datamanager) send enums as numbers, others as names. `enumName` reads either.
 */
const ENUMS = {
  accountType: ['ACCOUNT_TYPE_UNSPECIFIED', 'GOOGLE_ADS', 'DISPLAY_VIDEO_PARTNER', 'DISPLAY_VIDEO_ADVERTISER', 'DATA_PARTNER', 'GOOGLE_ANALYTICS_PROPERTY', 'GOOGLE_AD_MANAGER_AUDIENCE_LINK'],
  encoding: ['ENCODING_UNSPECIFIED', 'HEX', 'BASE64'],
  consentStatus: ['CONSENT_STATUS_UNSPECIFIED', 'CONSENT_GRANTED', 'CONSENT_DENIED'],
  termsOfServiceStatus: ['TERMS_OF_SERVICE_STATUS_UNSPECIFIED', 'ACCEPTED', 'REJECTED'],
  membershipStatus: ['MEMBERSHIP_STATUS_UNSPECIFIED', 'OPEN', 'CLOSED'],
  uploadKeyType: ['UPLOAD_KEY_TYPE_UNSPECIFIED', 'CONTACT_ID', 'MOBILE_ID', 'USER_ID', 'PAIR_ID', 'PSEUDONYMOUS_ID'],
} as const;

export function enumName(kind: keyof typeof ENUMS, value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return ENUMS[kind][value];
  return undefined;
}
