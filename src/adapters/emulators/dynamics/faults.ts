import type { EmulatorServer } from '../kit/emulatorServer';
import { API_PATH } from './responses';
import type { EntitySetName } from './entities';
import type { DynamicsState } from './state';

/** Service-protection errors of the Web API (reference §6): code → message. */
export const SERVICE_PROTECTION_ERRORS = {
  '0x80072322': 'Number of requests exceeded the limit of 6000 over time window of 300 seconds.',
  '0x80072321': 'Combined execution time of incoming requests exceeded limit of 1,200,000 milliseconds over time window of 300 seconds. Decrease number of concurrent requests or reduce the duration of requests and try again later.',
  '0x80072326': 'Number of concurrent requests exceeded the limit of 52.',
} as const;
export type ServiceProtectionCode = keyof typeof SERVICE_PROTECTION_ERRORS;

/** AADSTS codes the token endpoint answers a dead refresh token with (reference §2). */
export type RevocationCode = 70008 | 700082 | 50173 | 65001;

export const DYNAMICS_FAULT_NAMES = [
  'expiredToken',
  'revokedRefreshToken',
  'throttled',
  'serverError',
  'dailyQuotaExhausted',
  'permissionDenied',
  'slow',
] as const;
export type DynamicsFaultName = (typeof DYNAMICS_FAULT_NAMES)[number];

export interface DynamicsFaultOptions {
  /** throttled / serverError / slow: how many requests it answers (default 1; slow: until cleared). */
  readonly times?: number;
  /** throttled: Retry-After seconds (default 5). */
  readonly retryAfterSeconds?: number;
  /** throttled: which service-protection limit (default requests, 0x80072322). */
  readonly code?: ServiceProtectionCode;
  /** revokedRefreshToken: the AADSTS code (default 700082, expired due to inactivity). */
  readonly aadstsCode?: RevocationCode;
  /** serverError: 500 or 503 (default 503). */
  readonly status?: 500 | 502 | 503 | 504;
  /** slow: delay before answering (default 2,000 ms). */
  readonly delayMs?: number;
  /** dailyQuotaExhausted: requests still allowed today (default 0). */
  readonly remainingRequests?: number;
  /** permissionDenied: which tables lose their prvRead privilege (default accounts). */
  readonly entitySets?: readonly EntitySetName[];
}

/**
 * Switches a named fault on. Token, throttle, quota and privilege faults change the org's state (so they behave as
 * Dataverse does: early retries extend a penalty, a revoked grant stays revoked); 5xx and slow answers use the kit.
 * Returns a function that switches it off again.
 */
export function injectDynamicsFault(server: EmulatorServer, state: DynamicsState, name: DynamicsFaultName, options: DynamicsFaultOptions = {}): () => void {
  const isWebApi = (url: string): boolean => url.startsWith(`${API_PATH}/`);
  switch (name) {
    case 'expiredToken':
      state.expireAccessTokens();
      return () => undefined;
    case 'revokedRefreshToken':
      state.revokeRefreshTokens(options.aadstsCode ?? 700082);
      return () => {
        for (const grant of state.refreshTokens.values()) grant.revokedWithCode = undefined;
      };
    case 'throttled': {
      const code = options.code ?? '0x80072322';
      state.throttle = { untilMs: 0, retryAfterSeconds: options.retryAfterSeconds ?? 5, code, message: SERVICE_PROTECTION_ERRORS[code], remainingHits: options.times ?? 1 };
      return () => {
        state.throttle = undefined;
      };
    }
    case 'serverError': {
      const status = options.status ?? 503;
      return server.addFault({
        label: `dynamics ${status}`,
        times: options.times ?? 1,
        matches: (request) => isWebApi(request.url),
        respond: (_request, reply) =>
          status === 500
            ? reply.code(500).header('OData-Version', '4.0').send({ error: { code: '0x80040216', message: 'An unexpected error occurred.' } })
            : reply.code(status).header('Content-Type', 'text/html').send(`<html><body><h1>${status} Service Unavailable</h1></body></html>`),
      });
    }
    case 'dailyQuotaExhausted':
      state.dailyRequestCap = { limit: options.remainingRequests ?? 0, usedToday: 0, dayKey: state.clock.now().toISOString().slice(0, 10) };
      return () => {
        state.dailyRequestCap = undefined;
      };
    case 'permissionDenied': {
      const sets = options.entitySets ?? ['accounts'];
      for (const set of sets) state.deniedEntitySets.add(set);
      return () => {
        for (const set of sets) state.deniedEntitySets.delete(set);
      };
    }
    case 'slow':
      return server.addFault({
        label: 'dynamics slow',
        ...(options.times !== undefined ? { times: options.times } : {}),
        delayMs: options.delayMs ?? 2000,
        matches: (request) => isWebApi(request.url),
      });
  }
}
