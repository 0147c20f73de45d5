import type { EmulatorServer } from '../kit/emulatorServer';
import { answerFault, jsonAnswer, retryAfterHeaders, type MapFaultOptions } from '../mapKit/faultControl';
import { marketoFailure } from './http';
import type { MarketoInstanceState } from './state';

/** Named faults (reference "Fault modes"). Marketo errors are HTTP 200 bodies; the 401 and 429 variants are gateway faults. */
export const marketoFaultNames = [
  'expired_token', 'invalid_token', 'gateway_401', 'rate_limit_606', 'concurrency_615', 'daily_quota_607', 'gateway_429', 'permission_603', 'server_error_5xx', 'slow',
] as const;
export type MarketoFaultName = (typeof marketoFaultNames)[number];

export function injectMarketoFault(server: EmulatorServer, state: MarketoInstanceState, name: MarketoFaultName, options: MapFaultOptions = {}): () => void {
  const noop = () => undefined;
  const body = (code: string, message: string) => answerFault(server, name, '/rest/', options, jsonAnswer(200, marketoFailure(code, message)));
  switch (name) {
    case 'expired_token':
      state.tokens.expireAllAccess();
      return noop;
    case 'invalid_token':
      return body('601', 'Access token invalid');
    case 'gateway_401':
      return answerFault(server, name, '/rest/', options, jsonAnswer(401, { error: 'unauthorized' }));
    case 'rate_limit_606':
      return body('606', "Max rate limit '100' exceeded with in '20' secs");
    case 'concurrency_615':
      return body('615', 'Concurrent access limit reached');
    case 'daily_quota_607':
      state.quota.exhaustDay();
      return noop;
    case 'gateway_429':
      return answerFault(server, name, '/rest/', options, jsonAnswer(429, { error: 'Too Many Requests' }, retryAfterHeaders(options)));
    case 'permission_603':
      return body('603', 'Access denied');
    case 'server_error_5xx':
      return answerFault(server, name, '/rest/', options, jsonAnswer(options.status ?? 500, { error: 'Internal Server Error' }));
    case 'slow':
      return answerFault(server, name, '/rest/', options, undefined, { delayMs: options.delayMs ?? 2_000 });
  }
}
