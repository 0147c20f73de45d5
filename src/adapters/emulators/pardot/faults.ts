import type { EmulatorServer } from '../kit/emulatorServer';
import { answerFault, jsonAnswer, retryAfterHeaders, type MapFaultOptions } from '../mapKit/faultControl';
import { pardotError } from './http';
import type { PardotBusinessUnitState } from './state';

/** Named faults (reference "Fault modes"); code faults use `status` (default 400; 200 and 429 variants). */
export const pardotFaultNames = [
  'expired_token', 'revoked_refresh_token', 'token_request_in_progress', 'concurrency_66', 'daily_limit_122', 'rate_limit_429', 'server_error_5xx', 'slow',
] as const;
export type PardotFaultName = (typeof pardotFaultNames)[number];

export function injectPardotFault(server: EmulatorServer, state: PardotBusinessUnitState, name: PardotFaultName, options: MapFaultOptions = {}): () => void {
  const noop = () => undefined;
  switch (name) {
    case 'expired_token':
      state.tokens.expireAllAccess();
      return noop;
    case 'revoked_refresh_token':
      state.tokens.revokeAllRefresh();
      return noop;
    case 'token_request_in_progress':
      return answerFault(server, name, '/services/oauth2/token', options, jsonAnswer(400, { error: 'invalid_grant', error_description: 'token request is already being processed' }));
    case 'concurrency_66':
      return answerFault(server, name, '/api/v5/', options, jsonAnswer(options.status ?? 400, pardotError(66, 'Too many concurrent API requests. Only 5 concurrent API requests are allowed at a time.')));
    case 'daily_limit_122':
      state.quota.exhaustDay();
      return noop;
    case 'rate_limit_429':
      return answerFault(server, name, '/api/v5/', options, jsonAnswer(429, pardotError(66, 'Too many requests.'), retryAfterHeaders(options)));
    case 'server_error_5xx':
      return answerFault(server, name, '/api/v5/', options, jsonAnswer(options.status ?? 500, pardotError(15, 'Internal error.')));
    case 'slow':
      return answerFault(server, name, '/api/v5/', options, undefined, { delayMs: options.delayMs ?? 2_000 });
  }
}
