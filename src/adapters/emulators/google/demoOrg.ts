import { EmulatorClock } from '../kit/clock';
import { GOOGLE_DEFAULTS, GoogleState, type GoogleAdsCustomer, type GoogleStateOptions } from './state';

export type GoogleDemoOptions = Partial<Omit<GoogleStateOptions, 'app' | 'developerToken' | 'userEmail' | 'clock'>> & { readonly clock?: EmulatorClock };

export const GOOGLE_ADS_API_VERSION = 'v22';
export const GOOGLE_SCOPES = 'https://www.googleapis.com/auth/datamanager https://www.googleapis.com/auth/adwords';

export const googleDemoCredentials = {
  clientId: '123456789012-openabmdemo.apps.googleusercontent.com',
  clientSecret: 'GOCSPX-openabmEmulatorDemoSecret',
  accessToken: 'ya29.demoOpenAbmEmulatorAccessTokenForTheDemoUser0000000000000000',
  refreshToken: '1//0demoOpenAbmEmulatorRefreshTokenForTheDemoUser000000000000',
  developerToken: 'openabm-emulator-DEVTOKEN',
  adAccountId: '1234567890',
  userEmail: 'avery.morgan@openabm-demo.example',
} as const;

const demoCustomers: readonly GoogleAdsCustomer[] = [
  { id: '1234567890', descriptiveName: 'openabm Demo — Global', currencyCode: 'USD', isManager: false, canManageAudiences: true, isTosAccepted: true },
  { id: '2345678901', descriptiveName: 'openabm Demo — EMEA (terms not yet accepted)', currencyCode: 'EUR', isManager: false, canManageAudiences: true, isTosAccepted: false },
  { id: '3456789012', descriptiveName: 'openabm Demo — Read only', currencyCode: 'USD', isManager: false, canManageAudiences: false, isTosAccepted: true },
  { id: '9876543210', descriptiveName: 'openabm Demo — Manager (MCC)', currencyCode: 'USD', isManager: true, canManageAudiences: true, isTosAccepted: true },
];

/** The demo Google user, four Google Ads accounts (one read-only, one without Customer Match terms) and known tokens. */
export function createGoogleDemo(options: GoogleDemoOptions = {}): GoogleState {
  const { clock, ...limits } = options;
  const state = new GoogleState({
    ...GOOGLE_DEFAULTS,
    ...limits,
    app: { clientId: googleDemoCredentials.clientId, clientSecret: googleDemoCredentials.clientSecret },
    developerToken: googleDemoCredentials.developerToken,
    userEmail: googleDemoCredentials.userEmail,
    clock: clock ?? new EmulatorClock(),
  });
  for (const customer of demoCustomers) state.customers.set(customer.id, { ...customer });
  state.tokens.seedRefreshToken(googleDemoCredentials.refreshToken, googleDemoCredentials.userEmail, GOOGLE_SCOPES);
  // The printed demo access token lasts a week so a sandbox session can use it directly; real ones last 3599 s.
  state.tokens.issue(googleDemoCredentials.userEmail, GOOGLE_SCOPES, { accessToken: googleDemoCredentials.accessToken, refreshToken: googleDemoCredentials.refreshToken, accessTtlMs: 7 * 86_400_000 });
  return state;
}
