import type { EmulatorServer } from '../kit/emulatorServer';
import { answerFault, jsonAnswer, retryAfterHeaders, type MapFaultOptions } from '../mapKit/faultControl';
import type { HubSpotPortalState } from './state';

/** Named faults (reference "Fault modes"): token and quota faults change state, the others answer instead of routes. */
export const hubSpotFaultNames = ['expired_token', 'revoked_refresh_token', 'rate_limit_429', 'daily_limit_exhausted', 'server_error_5xx', 'slow'] as const;
export type HubSpotFaultName = (typeof hubSpotFaultNames)[number];

export function injectHubSpotFault(server: EmulatorServer, state: HubSpotPortalState, name: HubSpotFaultName, options: MapFaultOptions = {}): () => void {
  const noop = () => undefined;
  switch (name) {
    case 'expired_token':
      state.tokens.expireAllAccess();
      return noop;
    case 'revoked_refresh_token':
      state.tokens.revokeAllRefresh();
      return noop;
    case 'daily_limit_exhausted':
      state.quota.exhaustDay();
      return noop;
    case 'rate_limit_429':
      return answerFault(server, name, '/crm/', options, jsonAnswer(429, {
        status: 'error', message: 'You have reached your ten_secondly_rolling limit.', errorType: 'RATE_LIMIT', correlationId: 'emulator-fault', policyName: 'TEN_SECONDLY_ROLLING',
      }, { ...retryAfterHeaders(options), 'x-hubspot-ratelimit-interval-milliseconds': '10000' }));
    case 'server_error_5xx': {
      const status = options.status ?? 500;
      return answerFault(server, name, '/crm/', options, jsonAnswer(status, { status: 'error', message: 'internal error', correlationId: 'emulator-fault', category: 'INTERNAL_ERROR' }));
    }
    case 'slow':
      return answerFault(server, name, '/crm/', options, undefined, { delayMs: options.delayMs ?? 2_000 });
  }
}
