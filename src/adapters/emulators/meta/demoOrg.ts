import { EmulatorClock } from '../kit/clock';
import { META_DEFAULTS, MetaState, type MetaAdAccount, type MetaStateOptions } from './state';

export type MetaDemoOptions = Partial<Omit<MetaStateOptions, 'app' | 'demoUserId' | 'demoUserName' | 'clock'>> & { readonly clock?: EmulatorClock };

export const META_API_VERSION = 'v24.0';
export const META_SCOPES = 'ads_management,business_management';

export const metaDemoCredentials = {
  clientId: '1234567890123456',
  clientSecret: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
  accessToken: 'EAAGdemoOpenAbmEmulatorLongLivedUserAccessToken0000000000000000',
  adAccountId: 'act_100200300',
  userId: '10158000000000001',
  userName: 'Avery Morgan',
} as const;

const demoAccounts: readonly MetaAdAccount[] = [
  { id: '100200300', name: 'openabm Demo — Global', currency: 'USD', tasks: ['MANAGE', 'ADVERTISE', 'ANALYZE'], isTosAccepted: true, isBusinessLinked: true },
  { id: '100200301', name: 'openabm Demo — EMEA', currency: 'EUR', tasks: ['ADVERTISE', 'ANALYZE'], isTosAccepted: true, isBusinessLinked: true },
  { id: '100200302', name: 'openabm Demo — New market (terms not accepted)', currency: 'USD', tasks: ['MANAGE', 'ADVERTISE', 'ANALYZE'], isTosAccepted: false, isBusinessLinked: true },
  { id: '100200303', name: 'openabm Demo — Reporting only', currency: 'USD', tasks: ['ANALYZE'], isTosAccepted: true, isBusinessLinked: true },
];

/** The demo Meta user, their four ad accounts (one read-only, one without the Custom Audience Terms) and a 60-day token. */
export function createMetaDemo(options: MetaDemoOptions = {}): MetaState {
  const { clock, ...limits } = options;
  const state = new MetaState({
    ...META_DEFAULTS,
    ...limits,
    app: { clientId: metaDemoCredentials.clientId, clientSecret: metaDemoCredentials.clientSecret },
    demoUserId: metaDemoCredentials.userId,
    demoUserName: metaDemoCredentials.userName,
    clock: clock ?? new EmulatorClock(),
  });
  for (const account of demoAccounts) state.accounts.set(account.id, { ...account });
  state.tokens.issue(metaDemoCredentials.userId, META_SCOPES, { accessToken: metaDemoCredentials.accessToken, accessTtlMs: MetaState.LONG_LIVED_TTL_MS, withRefreshToken: false });
  return state;
}
