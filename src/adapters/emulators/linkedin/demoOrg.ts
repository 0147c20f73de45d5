import { EmulatorClock } from '../kit/clock';
import { LINKEDIN_DEFAULTS, LinkedInState, type LinkedInAdAccount, type LinkedInStateOptions } from './state';

export type LinkedInDemoOptions = Partial<Omit<LinkedInStateOptions, 'app' | 'memberId' | 'memberName' | 'memberEmail' | 'clock'>> & { readonly clock?: EmulatorClock };

export const LINKEDIN_VERSION = '202604';
export const LINKEDIN_SCOPES = 'r_ads rw_ads rw_dmp_segments openid profile email';

export const linkedInDemoCredentials = {
  clientId: '78openabmdemo01',
  clientSecret: 'WPL_AP1.openabmEmulatorSecret.demo==',
  accessToken: 'AQVdemoOpenAbmEmulatorAccessTokenForTheDemoMember000000000000000000',
  refreshToken: 'AQWdemoOpenAbmEmulatorRefreshTokenForTheDemoMember00000000000000000',
  adAccountId: '508000001',
  memberId: 'dXNlcjpkZW1vMDE',
} as const;

const demoAccounts: readonly LinkedInAdAccount[] = [
  { id: '508000001', name: 'openabm Demo — Global', currency: 'USD', role: 'ACCOUNT_MANAGER' },
  { id: '508000002', name: 'openabm Demo — EMEA', currency: 'EUR', role: 'CAMPAIGN_MANAGER' },
  { id: '508000003', name: 'openabm Demo — Billing', currency: 'USD', role: 'ACCOUNT_BILLING_ADMIN' },
  { id: '508000004', name: 'openabm Demo — Agency (viewer)', currency: 'USD', role: 'VIEWER' },
  { id: '508000005', name: 'openabm Demo — Creative studio', currency: 'GBP', role: 'CREATIVE_MANAGER' },
];

function versionsFrom(first: string, last: string): string[] {
  const versions: string[] = [];
  let year = Number(first.slice(0, 4));
  let month = Number(first.slice(4));
  while (`${year}${String(month).padStart(2, '0')}` <= last) {
    versions.push(`${year}${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return versions;
}

/** The demo member, their five ad accounts (two with roles that cannot manage audiences) and known tokens. */
export function createLinkedInDemo(options: LinkedInDemoOptions = {}): LinkedInState {
  const { clock, ...limits } = options;
  const state = new LinkedInState({
    ...LINKEDIN_DEFAULTS,
    activeVersions: versionsFrom('202512', '202612'),
    ...limits,
    app: { clientId: linkedInDemoCredentials.clientId, clientSecret: linkedInDemoCredentials.clientSecret },
    memberId: linkedInDemoCredentials.memberId,
    memberName: 'Avery Morgan',
    memberEmail: 'avery.morgan@openabm-demo.example',
    clock: clock ?? new EmulatorClock(),
  });
  for (const account of demoAccounts) state.accounts.set(account.id, account);
  state.tokens.seedRefreshToken(linkedInDemoCredentials.refreshToken, linkedInDemoCredentials.memberId, LINKEDIN_SCOPES);
  state.tokens.issue(linkedInDemoCredentials.memberId, LINKEDIN_SCOPES, { accessToken: linkedInDemoCredentials.accessToken, refreshToken: linkedInDemoCredentials.refreshToken });
  return state;
}
