import type { CrmCallContext, CrmConnector, CrmOAuthSettings, CrmProviderUsage } from '../../../ports/crmConnector';

/**
 * A CrmCallContext for connector tests without a database: counts calls, records retry waits instead of sleeping,
 * and refreshes through the connector like the use case does. `failAfterCalls` simulates a crash (a plain Error).
 */
export interface TestCallContext extends CrmCallContext {
  readonly calls: Array<{ method: string; path: string }>;
  readonly sleeps: number[];
  readonly refreshes: number;
  readonly providerUsage: CrmProviderUsage | undefined;
}

export async function createTestCallContext(
  connector: CrmConnector,
  settings: CrmOAuthSettings,
  refreshToken: string,
  options: { allowance?: number; now?: () => Date } = {},
): Promise<TestCallContext> {
  const tokens = await connector.refreshToken(settings, refreshToken);
  let accessToken = tokens.accessToken;
  const calls: Array<{ method: string; path: string }> = [];
  const sleeps: number[] = [];
  let refreshes = 0;
  let providerUsage: CrmProviderUsage | undefined;
  const ctx: TestCallContext = {
    orgId: 'test-org',
    connectionId: 'test-connection',
    instanceUrl: tokens.instanceUrl,
    calls,
    sleeps,
    get refreshes() {
      return refreshes;
    },
    get providerUsage() {
      return providerUsage;
    },
    accessToken: () => accessToken,
    async refreshAccessToken() {
      refreshes += 1;
      accessToken = (await connector.refreshToken(settings, refreshToken)).accessToken;
      return accessToken;
    },
    async beforeCall(call) {
      if (options.allowance !== undefined && calls.length >= options.allowance) throw new Error('test allowance spent');
      calls.push({ method: call.method, path: call.path });
    },
    async afterCall(outcome) {
      if (outcome.providerUsage) providerUsage = outcome.providerUsage;
    },
    async sleep(ms) {
      sleeps.push(ms);
    },
    now: options.now ?? (() => new Date()),
  };
  return ctx;
}
