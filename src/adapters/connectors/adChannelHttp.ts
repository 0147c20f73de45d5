import { backoffMs, parseRetryAfterMs } from '../../domain/budget/retryAfter';
import type { SyncErrorCode } from '../../domain/sync/errorCatalogue';
import { AdChannelError, type ChannelCallContext } from '../../ports/adChannel';
import { networkFailureReason } from './networkFailure';

/**
 * The request loop every ad-channel client shares: bearer token, timeout, one refresh-and-replay on an expired login,
 * rate limits waited out through ctx.sleep (within ctx.maxWaitMs), bounded retries of outages. Each channel brings
 * its own classifier (errors.ts), so the loop never switches on the channel.
 */
export type ChannelVerdict =
  | { readonly kind: 'retry'; readonly code: SyncErrorCode; readonly afterMs: number; readonly message: string }
  | { readonly kind: 'reauth'; readonly code: SyncErrorCode; readonly message: string }
  | { readonly kind: 'permanent'; readonly code: SyncErrorCode; readonly message: string; readonly providerCode: string | undefined }
  | { readonly kind: 'audience_missing'; readonly message: string };

export interface ChannelAnswer {
  readonly status: number;
  readonly bodyText: string;
  readonly headers: Headers;
}

export interface ChannelHttpRequest {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly url: URL;
  readonly headers?: Readonly<Record<string, string>>;
  /** JSON-encoded or form-encoded body, with its content type in headers. */
  readonly body?: string;
  /** How the token travels: Authorization header (default) or an access_token query parameter (Meta also accepts it). */
  readonly isTokenInQuery?: boolean;
}

export interface ChannelHttpOptions {
  readonly channelName: string;
  readonly requestTimeoutMs: number;
  /** Outage retries (5xx, network) before handing back 'retry' to the job. */
  readonly maxOutageRetries: number;
  readonly canRefresh: boolean;
  /** Undefined = success. Gets the attempt number for backoff. */
  classify(answer: ChannelAnswer, now: Date, attempt: number): ChannelVerdict | undefined;
}

export function retryAfterOf(answer: ChannelAnswer, now: Date, attempt: number): number {
  return parseRetryAfterMs(answer.headers.get('retry-after'), now) ?? backoffMs(attempt);
}

export async function sendChannelRequest(ctx: ChannelCallContext, request: ChannelHttpRequest, options: ChannelHttpOptions): Promise<ChannelAnswer> {
  let hasRefreshed = false;
  let attempt = 0;
  let outageRetries = 0;
  let waitedMs = 0;
  const waitOr = async (afterMs: number, code: SyncErrorCode, message: string): Promise<void> => {
    if (waitedMs + afterMs > ctx.maxWaitMs) throw new AdChannelError('retry', code, message, { retryAfterMs: afterMs });
    waitedMs += afterMs;
    attempt += 1;
    await ctx.sleep(afterMs);
  };
  for (;;) {
    const url = new URL(request.url);
    if (request.isTokenInQuery) url.searchParams.set('access_token', ctx.accessToken());
    let answer: ChannelAnswer;
    try {
      const response = await fetch(url, {
        method: request.method,
        headers: { accept: 'application/json', ...(request.isTokenInQuery ? {} : { authorization: `Bearer ${ctx.accessToken()}` }), ...request.headers },
        ...(request.body === undefined ? {} : { body: request.body }),
        signal: AbortSignal.timeout(options.requestTimeoutMs),
      });
      answer = { status: response.status, bodyText: await response.text(), headers: response.headers };
    } catch (error) {
      ctx.countCall?.({ method: request.method, path: url.pathname, status: 0 });
      const reason = networkFailureReason(error);
      const message = `${options.channelName} could not be reached (${reason}); openabm will try again.`;
      if (outageRetries >= options.maxOutageRetries) throw new AdChannelError('retry', 'channel_outage', message, { retryAfterMs: backoffMs(attempt) });
      outageRetries += 1;
      await waitOr(backoffMs(attempt), 'channel_outage', message);
      continue;
    }
    ctx.countCall?.({ method: request.method, path: url.pathname, status: answer.status });
    const verdict = options.classify(answer, ctx.now(), attempt);
    if (!verdict) return answer;
    if (verdict.kind === 'reauth') {
      if (options.canRefresh && !hasRefreshed) {
        hasRefreshed = true;
        await ctx.refreshAccessToken();
        continue;
      }
      throw new AdChannelError('reauth', verdict.code, verdict.message, { httpStatus: answer.status });
    }
    if (verdict.kind === 'retry') {
      if (verdict.code === 'channel_outage') {
        if (outageRetries >= options.maxOutageRetries) throw new AdChannelError('retry', verdict.code, verdict.message, { retryAfterMs: verdict.afterMs, httpStatus: answer.status });
        outageRetries += 1;
      }
      await waitOr(verdict.afterMs, verdict.code, verdict.message);
      continue;
    }
    if (verdict.kind === 'audience_missing') throw new AdChannelError('audience_missing', 'audience_deleted', verdict.message, { httpStatus: answer.status });
    throw new AdChannelError('permanent', verdict.code, verdict.message, { httpStatus: answer.status, ...(verdict.providerCode ? { providerCode: verdict.providerCode } : {}) });
  }
}

/** Parses a JSON answer with a zod-like schema; an unexpected shape is a permanent 'unexpected_answer'. */
export function parseAnswer<T>(answer: ChannelAnswer, schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: Array<{ message: string }> } } }, what: string): T {
  let body: unknown;
  try {
    body = answer.bodyText === '' ? {} : JSON.parse(answer.bodyText);
  } catch {
    throw new AdChannelError('permanent', 'unexpected_answer', `${what}: the answer is not JSON.`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new AdChannelError('permanent', 'unexpected_answer', `${what}: unexpected shape (${parsed.error.issues[0]?.message ?? 'invalid'}).`);
  return parsed.data;
}

/** POSTs a form to a token endpoint; the caller classifies refusals. No retries here. */
export async function postTokenForm(url: URL, form: Record<string, string>, timeoutMs: number, channelName: string): Promise<ChannelAnswer> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(form),
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { status: response.status, bodyText: await response.text(), headers: response.headers };
  } catch {
    throw new AdChannelError('retry', 'channel_outage', `The ${channelName} login server could not be reached; try again.`);
  }
}
