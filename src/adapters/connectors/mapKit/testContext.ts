import type { CrmProviderUsage, CrmTokenSet } from '../../../ports/crmConnector';
import type { MapAuthSettings, MapCallContext, MapConnector } from '../../../ports/mapConnector';

/**
 * A MapCallContext for connector tests without a database: counts calls, records retry waits instead of sleeping,
 * and refreshes through the connector like withMapSession does.
 */
export interface TestMapContext extends MapCallContext {
  readonly calls: Array<{ method: string; path: string }>;
  readonly sleeps: number[];
  readonly refreshes: number;
  readonly providerUsage: CrmProviderUsage | undefined;
  /** Replaces the access token (to test a bad token). */
  setAccessToken(token: string): void;
}

export async function createTestMapContext(
  connector: MapConnector,
  settings: MapAuthSettings,
  first: (connector: MapConnector) => Promise<CrmTokenSet>,
  refreshToken = '',
): Promise<TestMapContext> {
  const tokens = await first(connector);
  let accessToken = tokens.accessToken;
  let instanceUrl = tokens.instanceUrl;
  const calls: Array<{ method: string; path: string }> = [];
  const sleeps: number[] = [];
  let refreshes = 0;
  let providerUsage: CrmProviderUsage | undefined;
  return {
    orgId: 'test-org',
    connectionId: 'test-connection',
    provider: connector.provider,
    extra: settings.extra,
    get instanceUrl() {
      return instanceUrl;
    },
    calls,
    sleeps,
    get refreshes() {
      return refreshes;
    },
    get providerUsage() {
      return providerUsage;
    },
    setAccessToken(token) {
      accessToken = token;
    },
    accessToken: () => accessToken,
    async refreshAccessToken() {
      refreshes += 1;
      const next = await connector.refreshToken(settings, refreshToken || tokens.refreshToken || '');
      accessToken = next.accessToken;
      instanceUrl = next.instanceUrl;
      return accessToken;
    },
    async beforeCall(call) {
      calls.push({ method: call.method, path: call.path });
    },
    async afterCall(outcome) {
      if (outcome.providerUsage) providerUsage = outcome.providerUsage;
    },
    async sleep(ms) {
      sleeps.push(ms);
    },
    now: () => new Date(),
  };
}
