/** Google settings as data (STYLE.md §3.3). Source: ../shared/reference/google-ads.md (sections cited). */
export const GOOGLE = {
  channel: 'google',
  displayName: 'Google',
  /** §2: Google Ads API REST for user lists and accounts; the segmentio connector pins v22. */
  adsApiBaseUrl: 'https://googleads.googleapis.com',
  adsApiVersion: 'v22',
  /** §1: members go through the Data Manager API (Customer Match uploads are closed to new integrations). */
  dataManagerBaseUrl: 'https://datamanager.googleapis.com',
  authBaseUrl: 'https://accounts.google.com',
  authorizePath: '/o/oauth2/v2/auth',
  tokenBaseUrl: 'https://oauth2.googleapis.com',
  tokenPath: '/token',
  scopes: ['https://www.googleapis.com/auth/adwords', 'https://www.googleapis.com/auth/datamanager'],
  /** §5: 100,000 identifiers per request at most, about 10,000 recommended; two identifiers per person at most here. */
  maxMembersPerRequest: 5_000,
  maxRemovalsPerRequest: 5_000,
  /** §3: membership life span (days); 540 is the longest finite value. */
  membershipLifeSpanDays: '540',
  operatingAccountType: 'GOOGLE_ADS',
  requestTimeoutMs: 60_000,
  maxOutageRetries: 3,
} as const;

/** In production each API has its own host; an emulator serves all of them at its base URL. */
export function dataManagerBase(apiBaseUrl: string): string {
  return apiBaseUrl === GOOGLE.adsApiBaseUrl ? GOOGLE.dataManagerBaseUrl : apiBaseUrl;
}

export function tokenBase(authBaseUrl: string): string {
  return authBaseUrl === GOOGLE.authBaseUrl ? GOOGLE.tokenBaseUrl : authBaseUrl;
}

export function adsPath(suffix: string): string {
  return `/${GOOGLE.adsApiVersion}${suffix}`;
}
