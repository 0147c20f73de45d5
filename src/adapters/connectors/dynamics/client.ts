import type { CrmCallContext } from '../../../ports/crmConnector';
import { CrmConnectorError } from '../../../domain/integrations/crmErrors';
import { networkFailureReason } from '../networkFailure';
import { classifyWebApiAnswer, toConnectorError, type ProviderAnswer } from './errors';
import { DYNAMICS_PROVIDER, trimSlash } from './provider';

export interface DynamicsClientOptions {
  readonly maxAttempts: number;
  readonly requestTimeoutMs: number;
  /** Per-request timeout of a call a person waits on (CrmCallContext.isPersonWaiting); such calls get one attempt. */
  readonly personWaitingRequestTimeoutMs: number;
}

/** Reads a response body: JSON when it parses, the text otherwise, undefined when empty. */
export async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * GETs against the Web API of one connection: every call is counted (ctx.beforeCall / afterCall), a 401 refreshes the
 * token once and replays, 429 waits the whole Retry-After (reference §6), 5xx and network failures back off. A call a
 * person waits on (CrmCallContext.isPersonWaiting) gets one attempt and the short timeout: the page ends with the
 * reason instead of waiting out 120 s timeouts and retries.
 */
export class DynamicsClient {
  private readonly apiBase: string;

  constructor(
    private readonly ctx: CrmCallContext,
    private readonly options: DynamicsClientOptions,
  ) {
    this.apiBase = `${trimSlash(ctx.instanceUrl)}${DYNAMICS_PROVIDER.apiPath}/`;
  }

  /** An absolute URL for a resource path (`accounts?$select=…`), or a nextLink after checking it stays on this org. */
  resolve(pathOrUrl: string): string {
    if (!/^https?:\/\//i.test(pathOrUrl)) return `${this.apiBase}${pathOrUrl.replace(/^\//, '')}`;
    // A nextLink carries our bearer token back to the server: never follow one to another host.
    if (!pathOrUrl.startsWith(this.apiBase)) {
      throw new CrmConnectorError('permanent', 'bad_response', `Refusing to follow a link outside the Dynamics 365 org: ${new URL(pathOrUrl).host}`);
    }
    return pathOrUrl;
  }

  async getJson(pathOrUrl: string, prefer?: string): Promise<unknown> {
    const url = this.resolve(pathOrUrl);
    const path = new URL(url).pathname;
    let hasRefreshed = false;
    const isPersonWaiting = this.ctx.isPersonWaiting === true;
    const maxAttempts = isPersonWaiting ? 1 : this.options.maxAttempts;
    const requestTimeoutMs = isPersonWaiting ? Math.min(this.options.personWaitingRequestTimeoutMs, this.options.requestTimeoutMs) : this.options.requestTimeoutMs;
    for (let attempt = 0; ; attempt += 1) {
      await this.ctx.beforeCall({ method: 'GET', path });
      let answer: ProviderAnswer;
      let networkFailure: { what: string; reason: string } | undefined;
      try {
        const response = await fetch(url, {
          headers: { ...DYNAMICS_PROVIDER.requestHeaders, Authorization: `Bearer ${this.ctx.accessToken()}`, ...(prefer ? { Prefer: prefer } : {}) },
          signal: AbortSignal.timeout(requestTimeoutMs),
        });
        answer = { status: response.status, retryAfter: response.headers.get('retry-after'), body: await readBody(response) };
      } catch (error) {
        if (error instanceof CrmConnectorError) throw error;
        // Network failure or timeout: transient, like a 503 without Retry-After.
        answer = { status: 503, retryAfter: null, body: undefined };
        networkFailure = { what: 'Dynamics 365', reason: networkFailureReason(error) };
      }
      await this.ctx.afterCall({ status: answer.status, providerUsage: undefined });
      if (answer.status >= 200 && answer.status < 300) return answer.body;
      if (answer.status === 401 && !hasRefreshed) {
        hasRefreshed = true;
        await this.ctx.refreshAccessToken();
        attempt -= 1;
        continue;
      }
      const failure = classifyWebApiAnswer(answer, attempt, this.ctx.now());
      if (failure.kind !== 'retry' || attempt + 1 >= maxAttempts) throw toConnectorError(failure, isPersonWaiting, networkFailure);
      await this.ctx.sleep(failure.afterMs);
    }
  }
}
