import { backoffMs } from '../../../domain/budget/retryAfter';
import { CrmConnectorError } from '../../../domain/integrations/crmErrors';
import type { CrmProviderUsage } from '../../../ports/crmConnector';
import type { MapCallContext } from '../../../ports/mapConnector';
import { networkFailureReason } from '../networkFailure';

/**
 * The call loop every MAP connector shares: count the call (ctx.beforeCall), send with a timeout, report provider usage,
 * then act on the provider's verdict (each connector's errors.ts classifies its own wire answers):
 * refresh once on 'reauth', wait through ctx.sleep on 'retry' (bounded), throw on 'api_limit' / 'permanent'.
 */
export type MapVerdict =
  | { readonly kind: 'ok' }
  | { readonly kind: 'reauth'; readonly code: string; readonly message: string }
  | { readonly kind: 'retry'; readonly code: string; readonly message: string; readonly afterMs: number | undefined }
  | { readonly kind: 'api_limit'; readonly code: string; readonly message: string }
  | { readonly kind: 'permanent'; readonly code: string; readonly message: string };

export interface MapHttpResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly bodyText: string;
}

export interface MapHttpRequest {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface MapHttpOptions {
  readonly providerName: string;
  readonly requestTimeoutMs: number;
  readonly maxTransientRetries: number;
  /** Per-request timeout of a call a person waits on (CrmCallContext.isPersonWaiting; default 20 s); such calls are not retried. */
  readonly personWaitingRequestTimeoutMs?: number;
  /** Reads the answer: ok, or what to do. */
  classify(response: MapHttpResponse, attempt: number, now: Date): MapVerdict;
  /** Reads provider-side usage from the headers (HubSpot X-HubSpot-RateLimit-Daily*, Pardot x-api-usage). */
  usageOf?(response: MapHttpResponse): CrmProviderUsage | undefined;
  /** Headers every call carries besides the bearer token (Pardot-Business-Unit-Id). */
  extraHeaders?(ctx: MapCallContext): Readonly<Record<string, string>>;
  /** Authorization header value (defaults to Bearer <access token>). */
  authorization?(ctx: MapCallContext): string;
}

/** A call a person waits on gets no answer within this: a failure they are told about, not a retry. */
export const PERSON_WAITING_REQUEST_TIMEOUT_MS = 20_000;

/**
 * The words of a 'retry' failure: a job is told openabm tries again later (the job queue does); a person waiting on
 * the page (a check they started, the connect dialog) is told what they can do, since nothing will try again for them.
 */
export function retryWording(what: string, isPersonWaiting: boolean): string {
  return `${what}; ${isPersonWaiting ? 'wait a few minutes, then try again.' : 'openabm will try again later.'}`;
}

/** A provider that cannot be reached: the reason, and what a person waiting can check (a job: openabm tries again later). */
export function unreachableWording(what: string, providerName: string, reason: string | undefined, isPersonWaiting: boolean): string {
  const subject = reason === undefined ? `${what} could not be reached` : `${what} could not be reached (${reason})`;
  if (!isPersonWaiting) return `${subject}; openabm will try again later.`;
  return `${subject}. Check that ${providerName} is reachable from the openabm server and that Settings > Integrations shows it connected (reconnect it there if not), then try again.`;
}

/** A provider's own words for a transient failure (busy, 5xx): as they are for a job; with what to do for a person waiting. */
export function transientWording(message: string, isPersonWaiting: boolean): string {
  if (!isPersonWaiting) return message;
  const sentence = /[.!?]$/.test(message.trimEnd()) ? message.trimEnd() : `${message.trimEnd()}.`;
  return `${sentence} Wait a few minutes, then try again.`;
}

export function resolveUrl(base: string, request: Pick<MapHttpRequest, 'path' | 'query'>): URL {
  const baseUrl = new URL(base);
  const url = new URL(request.path, baseUrl);
  // Paging links come from the provider: never follow one to another host with our token.
  if (url.origin !== baseUrl.origin) throw new Error(`Refusing to call ${url.origin} with a token for ${baseUrl.origin}`);
  for (const [key, value] of Object.entries(request.query ?? {})) url.searchParams.set(key, value);
  return url;
}

export async function mapSend(ctx: MapCallContext, options: MapHttpOptions, request: MapHttpRequest): Promise<MapHttpResponse> {
  let hasRefreshed = false;
  let attempt = 0;
  // A person waiting is not kept over retries or a long timeout (CrmCallContext.isPersonWaiting).
  const isPersonWaiting = ctx.isPersonWaiting === true;
  const maxTransientRetries = isPersonWaiting ? 0 : options.maxTransientRetries;
  const requestTimeoutMs = isPersonWaiting ? Math.min(options.personWaitingRequestTimeoutMs ?? PERSON_WAITING_REQUEST_TIMEOUT_MS, options.requestTimeoutMs) : options.requestTimeoutMs;
  for (;;) {
    const url = resolveUrl(ctx.instanceUrl, request);
    await ctx.beforeCall({ method: request.method, path: url.pathname });
    let response: MapHttpResponse;
    try {
      const raw = await fetch(url, {
        method: request.method,
        headers: {
          authorization: options.authorization ? options.authorization(ctx) : `Bearer ${ctx.accessToken()}`,
          accept: 'application/json',
          ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...options.extraHeaders?.(ctx),
          ...request.headers,
        },
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
        signal: AbortSignal.timeout(requestTimeoutMs),
      });
      response = { status: raw.status, headers: raw.headers, bodyText: await raw.text() };
    } catch (error) {
      await ctx.afterCall({ status: 0, providerUsage: undefined });
      if (attempt < maxTransientRetries) {
        await ctx.sleep(backoffMs(attempt));
        attempt += 1;
        continue;
      }
      const reason = networkFailureReason(error);
      throw new CrmConnectorError('retry', 'NETWORK_ERROR', unreachableWording(options.providerName, options.providerName, reason, isPersonWaiting));
    }
    await ctx.afterCall({ status: response.status, providerUsage: options.usageOf?.(response) });
    const verdict = options.classify(response, attempt, ctx.now());
    if (verdict.kind === 'ok') return response;
    const extra = { httpStatus: response.status };
    if (verdict.kind === 'reauth') {
      if (!hasRefreshed) {
        hasRefreshed = true;
        await ctx.refreshAccessToken();
        continue;
      }
      throw new CrmConnectorError('reauth', verdict.code, verdict.message, extra);
    }
    if (verdict.kind === 'retry') {
      if (attempt < maxTransientRetries) {
        await ctx.sleep(verdict.afterMs ?? backoffMs(attempt));
        attempt += 1;
        continue;
      }
      throw new CrmConnectorError('retry', verdict.code, transientWording(verdict.message, isPersonWaiting), { ...extra, ...(verdict.afterMs === undefined ? {} : { retryAfterMs: verdict.afterMs }) });
    }
    throw new CrmConnectorError(verdict.kind, verdict.code, verdict.message, extra);
  }
}

export function parseJson(providerName: string, what: string, bodyText: string): unknown {
  try {
    return JSON.parse(bodyText);
  } catch {
    throw new CrmConnectorError('permanent', 'INVALID_RESPONSE', `${providerName} answered ${what} with a body that is not JSON.`);
  }
}

/** Parses a body with a zod-like schema; a provider answering in another shape is a permanent error naming the call. */
export function parseWith<T>(providerName: string, what: string, bodyText: string, schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { message: string }[] } } }): T {
  const parsed = schema.safeParse(parseJson(providerName, what, bodyText));
  if (!parsed.success) {
    throw new CrmConnectorError('permanent', 'INVALID_RESPONSE', `${providerName} answered ${what} in an unexpected shape: ${parsed.error.issues[0]?.message ?? ''}`);
  }
  return parsed.data;
}

/**
 * A token endpoint call (no counting: the session counts refreshes itself). Network failures are transient, worded
 * for a person waiting (the connect dialog) or for a job (a refresh).
 */
export async function tokenCall(providerName: string, url: URL, init: RequestInit, timeoutMs: number, isPersonWaiting = false): Promise<MapHttpResponse> {
  try {
    const raw = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    return { status: raw.status, headers: raw.headers, bodyText: await raw.text() };
  } catch {
    throw new CrmConnectorError('retry', 'NETWORK_ERROR', unreachableWording(`The ${providerName} login server`, providerName, undefined, isPersonWaiting));
  }
}

/** Splits a list into chunks of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
