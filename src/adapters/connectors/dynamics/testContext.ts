import type { CrmCallContext, CrmConnector, CrmOAuthSettings } from '../../../ports/crmConnector';
import type { fixedClock } from '../../../ports/clock';
import { CRM_MESSAGES } from '../../../domain/crmSources/messages';
import { CrmConnectorError } from '../../../domain/integrations/crmErrors';

/**
 * A CrmCallContext for connector tests against the emulator: the sleeper records each wait and advances the clock the
 * emulator also reads (so a Retry-After is "waited" without sleeping), refresh goes through the connector, and an
 * optional allowance makes beforeCall refuse like the use case does. `isPersonWaiting` sets the context's flag and
 * refreshes as crmSession.ts does for a person waiting.
 */
export interface TestContext {
  readonly ctx: CrmCallContext;
  readonly sleeps: number[];
  readonly calls: Array<{ method: string; path: string }>;
  readonly statuses: number[];
  refreshCount: number;
}

export function createTestContext(input: {
  readonly connector: CrmConnector;
  readonly settings: CrmOAuthSettings;
  readonly refreshToken: string;
  readonly accessToken: string;
  readonly clock: ReturnType<typeof fixedClock>;
  readonly allowance?: number;
  readonly isPersonWaiting?: boolean;
}): TestContext {
  let accessToken = input.accessToken;
  const state: TestContext = {
    sleeps: [],
    calls: [],
    statuses: [],
    refreshCount: 0,
    ctx: {
      orgId: 'org-test',
      connectionId: 'connection-test',
      instanceUrl: input.settings.resourceUrl ?? '',
      accessToken: () => accessToken,
      refreshAccessToken: async () => {
        state.refreshCount += 1;
        const tokens = input.isPersonWaiting ? await input.connector.refreshToken(input.settings, input.refreshToken, { isPersonWaiting: true }) : await input.connector.refreshToken(input.settings, input.refreshToken);
        accessToken = tokens.accessToken;
        return accessToken;
      },
      beforeCall: async (call) => {
        if (input.allowance !== undefined && state.calls.length >= input.allowance) {
          throw new CrmConnectorError('api_limit', 'allowance_spent', CRM_MESSAGES.apiLimitReached);
        }
        state.calls.push({ method: call.method, path: call.path });
      },
      afterCall: async (outcome) => {
        state.statuses.push(outcome.status);
      },
      now: () => input.clock.now(),
      sleep: async (ms) => {
        state.sleeps.push(ms);
        input.clock.advance(ms);
      },
      ...(input.isPersonWaiting ? { isPersonWaiting: true } : {}),
    },
  };
  return state;
}
