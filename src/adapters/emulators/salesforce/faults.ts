import type { FastifyRequest } from 'fastify';
import type { EmulatorServer, FaultRule } from '../kit/emulatorServer';
import type { SalesforceOrgState } from './state';

/**
 * Named faults of the Salesforce emulator (reference "Emulator checklist"). Token faults change the org's sessions
 * (so a client must really refresh or re-authorise), the rest answer instead of the routes for `times` requests
 * (default: until cleared) whose path starts with `pathPrefix` (default: the data API).
 */
export const salesforceFaultNames = [
  'expired_token',
  'revoked_token',
  'rate_limit_429',
  'server_error_5xx',
  'daily_limit_exhausted',
  'permission_denied',
  'slow',
  'invalid_client',
  'token_request_in_progress',
  'concurrent_request_limit',
] as const;

export type SalesforceFaultName = (typeof salesforceFaultNames)[number];

export interface SalesforceFaultOptions {
  /** How many matching requests the fault answers; default until cleared. Ignored by the state faults. */
  readonly times?: number;
  /** Only requests whose path starts with this; default `/services/data/v` (token faults: the token endpoint). */
  readonly pathPrefix?: string;
  /** rate_limit_429: the Retry-After seconds (default 1). */
  readonly retryAfterSeconds?: number;
  /** server_error_5xx: 500 (default) or 503. */
  readonly status?: 500 | 503;
  /** slow: delay before the real answer (default 2,000 ms). */
  readonly delayMs?: number;
}

const TOKEN_PATH = '/services/oauth2/token';

function pathOf(request: FastifyRequest): string {
  return new URL(request.url, 'http://emulator').pathname;
}

function arrayError(message: string, errorCode: string): string {
  return JSON.stringify([{ message, errorCode }]);
}

/** Applies a named fault to the emulator; returns a function that lifts it (state faults cannot be undone). */
export function injectSalesforceFault(server: EmulatorServer, state: SalesforceOrgState, name: SalesforceFaultName, options: SalesforceFaultOptions = {}): () => void {
  const prefix = options.pathPrefix ?? (name === 'invalid_client' || name === 'token_request_in_progress' ? TOKEN_PATH : '/services/data/v');
  const rule = (respond: FaultRule['respond'], extra: Partial<FaultRule> = {}): (() => void) =>
    server.addFault({
      label: name,
      matches: (request) => pathOf(request).startsWith(prefix),
      ...(options.times === undefined ? {} : { times: options.times }),
      ...(respond ? { respond } : {}),
      ...extra,
    });
  const json = (status: number, body: string, headers: Record<string, string> = {}): FaultRule['respond'] => (_request, reply) =>
    reply.code(status).headers(headers).type('application/json;charset=UTF-8').send(body);
  const noop = () => undefined;

  switch (name) {
    case 'expired_token':
      // The session timeout passed: every current access token now gets 401 INVALID_SESSION_ID; refresh still works.
      state.tokens.expireAllAccessTokens();
      return noop;
    case 'revoked_token':
      // Admin revoked the app's tokens: refresh answers 400 invalid_grant "expired access/refresh token".
      state.tokens.revokeAllRefreshTokens();
      return noop;
    case 'daily_limit_exhausted':
      state.setApiUsed(state.dailyApiLimit);
      return noop;
    case 'rate_limit_429':
      // Not documented for Salesforce REST (reference §4); offered for the generic retry path.
      return rule(json(429, arrayError('Too many requests, retry later.', 'TOO_MANY_REQUESTS'), { 'retry-after': String(options.retryAfterSeconds ?? 1) }));
    case 'server_error_5xx':
      return options.status === 503
        ? rule(json(503, arrayError('Server is temporarily unavailable, please try again later.', 'SERVER_UNAVAILABLE')))
        : rule(json(500, arrayError('An unexpected error occurred. Please include this ErrorId if you contact support: 1906434171-32211 (-1255477474)', 'UNKNOWN_EXCEPTION')));
    case 'permission_denied':
      return rule(json(403, arrayError('insufficient access rights on object id', 'INSUFFICIENT_ACCESS')));
    case 'concurrent_request_limit':
      return rule(json(403, arrayError('ConcurrentPerOrgLongTxn Limit exceeded.', 'REQUEST_LIMIT_EXCEEDED')));
    case 'slow':
      return rule(undefined, { delayMs: options.delayMs ?? 2_000 });
    case 'invalid_client':
      return rule(json(400, JSON.stringify({ error: 'invalid_client', error_description: 'invalid client credentials' })));
    case 'token_request_in_progress':
      // Concurrent refreshes with one refresh token: transient (reference §3).
      return rule(json(400, JSON.stringify({ error: 'invalid_grant', error_description: 'token request is already being processed' })));
  }
}

export function isSalesforceFaultName(name: unknown): name is SalesforceFaultName {
  return typeof name === 'string' && (salesforceFaultNames as readonly string[]).includes(name);
}
