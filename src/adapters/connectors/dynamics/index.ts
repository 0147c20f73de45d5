import type { CrmCallContext, CrmConnector } from '../../../ports/crmConnector';
import { DynamicsClient } from './client';
import { buildAuthorizationUrl, exchangeCode, refreshToken } from './oauth';
import { DYNAMICS_PROVIDER } from './provider';
import { readChanges } from './readChanges';
import { fetchViewRecords, listViews } from './views';

export { DYNAMICS_PROVIDER } from './provider';
export { classifyTokenAnswer, classifyWebApiAnswer, type DynamicsFailure } from './errors';

export interface DynamicsConnectorOptions {
  /** Rows per page for the daily sync and for views (default and maximum 5,000, reference §4). */
  readonly pageSize?: number;
  readonly maxAttempts?: number;
  readonly requestTimeoutMs?: number;
  /** A call a person waits on (CrmCallContext.isPersonWaiting, refreshToken's isPersonWaiting): one attempt, this timeout at most (default 20 s). */
  readonly personWaitingRequestTimeoutMs?: number;
  /** Token-endpoint calls only (data calls use ctx.now): reads HTTP-date Retry-After values. */
  readonly now?: () => Date;
  /** Waits between token-endpoint retries (data calls wait through ctx.sleep). */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** The Dynamics 365 CrmConnector (ports/crmConnector.ts): Entra ID OAuth, daily sync by modifiedon, account views. */
export function createDynamicsConnector(options: DynamicsConnectorOptions = {}): CrmConnector {
  const pageSize = Math.min(options.pageSize ?? DYNAMICS_PROVIDER.maxPageSize, DYNAMICS_PROVIDER.maxPageSize);
  const now = options.now ?? (() => new Date());
  const maxAttempts = options.maxAttempts ?? DYNAMICS_PROVIDER.maxAttempts;
  const personWaitingRequestTimeoutMs = options.personWaitingRequestTimeoutMs ?? DYNAMICS_PROVIDER.personWaitingRequestTimeoutMs;
  const tokenOptions = { now, maxAttempts, personWaitingRequestTimeoutMs, sleep: options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))) };
  const clientFor = (ctx: CrmCallContext): DynamicsClient =>
    new DynamicsClient(ctx, { maxAttempts, requestTimeoutMs: options.requestTimeoutMs ?? DYNAMICS_PROVIDER.requestTimeoutMs, personWaitingRequestTimeoutMs });
  return {
    provider: 'dynamics',
    displayName: DYNAMICS_PROVIDER.displayName,
    capabilities: { hasReports: false, hasListViews: true, hasPersonalViews: true },
    loginUrls: DYNAMICS_PROVIDER.loginUrls,
    buildAuthorizationUrl,
    exchangeCode: (settings, input) => exchangeCode(settings, input, tokenOptions),
    // A person waiting (a check they started) gets one attempt with the short timeout, as the data calls do.
    refreshToken: (settings, token, waiting) => refreshToken(settings, token, tokenOptions, { isPersonWaiting: waiting?.isPersonWaiting === true }),
    readChanges: (ctx, request) => readChanges(clientFor(ctx), request, pageSize),
    listSources: (ctx) => listViews(clientFor(ctx), pageSize),
    fetchSourceRecords: (ctx, source) => fetchViewRecords(clientFor(ctx), source, pageSize),
  };
}

export const dynamicsConnector: CrmConnector = createDynamicsConnector();
