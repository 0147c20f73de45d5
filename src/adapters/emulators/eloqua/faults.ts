import type { EmulatorServer } from '../kit/emulatorServer';
import { answerFault, retryAfterHeaders, type MapFaultOptions } from '../mapKit/faultControl';
import type { EloquaInstanceState } from './state';

/** Named faults (reference "Fault modes"). */
export const eloquaFaultNames = ['expired_token', 'revoked_refresh_token', 'expired_password', 'throttle_429', 'daily_cap_429', 'server_error_5xx', 'slow'] as const;
export type EloquaFaultName = (typeof eloquaFaultNames)[number];

export function injectEloquaFault(server: EmulatorServer, state: EloquaInstanceState, name: EloquaFaultName, options: MapFaultOptions = {}): () => void {
  const noop = () => undefined;
  const text = (status: number, body: string, headers: Record<string, string> = {}) =>
    answerFault(server, name, '/api/', options, (_request, reply) => reply.code(status).headers(headers).type('text/plain').send(body));
  switch (name) {
    case 'expired_token':
      state.tokens.expireAllAccess();
      return noop;
    case 'revoked_refresh_token':
      state.tokens.revokeAllRefresh();
      return noop;
    case 'expired_password':
      state.passwordExpiresAt = state.clock.now();
      return noop;
    case 'throttle_429':
      return text(429, 'Too Many Requests', retryAfterHeaders(options));
    case 'daily_cap_429':
      state.quota.options = { ...state.quota.options, dailyLimit: Math.max(1, state.quota.used) };
      state.quota.exhaustDay();
      return noop;
    case 'server_error_5xx':
      return text(options.status ?? 500, 'There was an error processing the request.');
    case 'slow':
      return answerFault(server, name, '/api/', options, undefined, { delayMs: options.delayMs ?? 2_000 });
  }
}
