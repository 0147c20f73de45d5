import type { z } from 'zod';
import { backoffMs } from '../../../domain/budget/retryAfter';
import { CRM_MESSAGES } from '../../../domain/crmSources/messages';
import { CrmConnectorError } from '../../../domain/integrations/crmErrors';
import type { CrmCallContext, CrmOAuthSettings, CrmTokenSet } from '../../../ports/crmConnector';
import { API_LIMIT_CODE, classifyRestError, classifyTokenError, parseLimitInfo } from './errors';
import { SALESFORCE } from './provider';
import { tokenResponse } from './wire';
import { networkFailureReason } from '../networkFailure';

export interface SalesforceClientOptions {
  /** Per-request timeout; a timeout is a transient failure. */
  readonly requestTimeoutMs: number;
  readonly maxTransientRetries: number;
  /** Per-request timeout of a call a person waits on (CrmCallContext.isPersonWaiting); such calls are not retried. */
  readonly personWaitingRequestTimeoutMs: number;
}

/** What a person waiting on the page can do when Salesforce or its login server cannot be reached. */
export const SALESFORCE_UNREACHABLE_ADVICE =
  'Check that Salesforce is reachable from the openabm server and that Settings > Integrations shows it connected (reconnect it there if not), then try again.';

/** What a person waiting on the page can do when Salesforce or its login server is busy. */
const BUSY_ADVICE = 'wait a few minutes, then try again.';

/**
 * The words of a 'retry' failure: a job is told openabm tries again later (the job queue does); a person waiting on
 * the page is told what they can do, since nothing will try again for them.
 */
function unreachable(what: string, reason: string, isPersonWaiting: boolean): string {
  return isPersonWaiting ? `${what} could not be reached (${reason}). ${SALESFORCE_UNREACHABLE_ADVICE}` : `${what} could not be reached (${reason}); openabm will try again later.`;
}

function busy(what: string, isPersonWaiting: boolean): string {
  return `${what}; ${isPersonWaiting ? BUSY_ADVICE : 'openabm will try again later.'}`;
}

export const defaultClientOptions: SalesforceClientOptions = {
  requestTimeoutMs: SALESFORCE.requestTimeoutMs,
  maxTransientRetries: SALESFORCE.maxTransientRetries,
  personWaitingRequestTimeoutMs: SALESFORCE.personWaitingRequestTimeoutMs,
};

export interface SalesforceRequest {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** A path under the instance (`/services/data/v62.0/query`) or a same-origin absolute URL (nextRecordsUrl). */
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface SalesforceResponse {
  readonly status: number;
  readonly bodyText: string;
}

export function dataPath(suffix: string): string {
  return `/services/data/v${SALESFORCE.apiVersion}${suffix}`;
}

/**
 * One connection's REST client. Every call is counted (ctx.beforeCall), a 401 is refreshed once and replayed once,
 * transient answers are retried through ctx.sleep, and everything else becomes a CrmConnectorError.
 */
export class SalesforceClient {
  constructor(
    private readonly ctx: CrmCallContext,
    private readonly options: SalesforceClientOptions = defaultClientOptions,
  ) {}

  async getJson<Schema extends z.ZodType>(request: Omit<SalesforceRequest, 'method'> & { method?: SalesforceRequest['method'] }, schema: Schema): Promise<z.output<Schema>> {
    const response = await this.send({ method: 'GET', ...request });
    let body: unknown;
    try {
      body = JSON.parse(response.bodyText);
    } catch {
      throw new CrmConnectorError('permanent', 'INVALID_RESPONSE', `Salesforce answered ${request.path} with a body that is not JSON.`);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new CrmConnectorError('permanent', 'INVALID_RESPONSE', `Salesforce answered ${request.path} in an unexpected shape: ${parsed.error.issues[0]?.message ?? ''}`);
    }
    return parsed.data;
  }

  async send(request: SalesforceRequest): Promise<SalesforceResponse> {
    const url = this.resolve(request);
    let hasRefreshed = false;
    let attempt = 0;
    const isPersonWaiting = this.ctx.isPersonWaiting === true;
    const maxTransientRetries = isPersonWaiting ? 0 : this.options.maxTransientRetries;
    const requestTimeoutMs = isPersonWaiting ? Math.min(this.options.personWaitingRequestTimeoutMs, this.options.requestTimeoutMs) : this.options.requestTimeoutMs;
    for (;;) {
      await this.ctx.beforeCall({ method: request.method, path: url.pathname });
      let response: Response;
      let bodyText: string;
      try {
        response = await fetch(url, {
          method: request.method,
          headers: {
            authorization: `Bearer ${this.ctx.accessToken()}`,
            accept: 'application/json',
            ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
            ...request.headers,
          },
          ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
          signal: AbortSignal.timeout(requestTimeoutMs),
        });
        // The timeout covers the body too: a stalled body is as transient as a stalled answer.
        bodyText = await response.text();
      } catch (error) {
        // Network failure or timeout: transient.
        await this.ctx.afterCall({ status: 0, providerUsage: undefined });
        if (attempt < maxTransientRetries) {
          await this.ctx.sleep(backoffMs(attempt));
          attempt += 1;
          continue;
        }
        const reason = networkFailureReason(error);
        throw new CrmConnectorError('retry', 'NETWORK_ERROR', unreachable('Salesforce', reason, isPersonWaiting));
      }
      await this.ctx.afterCall({ status: response.status, providerUsage: parseLimitInfo(response.headers.get('sforce-limit-info')) });
      if (response.ok) return { status: response.status, bodyText };
      const verdict = classifyRestError({ status: response.status, bodyText, retryAfterHeader: response.headers.get('retry-after') }, this.ctx.now(), attempt);
      if (verdict.kind === 'reauth') {
        if (!hasRefreshed) {
          hasRefreshed = true;
          await this.ctx.refreshAccessToken();
          continue;
        }
        throw new CrmConnectorError('reauth', 'INVALID_SESSION_ID', CRM_MESSAGES.unableToLogIn, { httpStatus: 401 });
      }
      if (verdict.kind === 'retry') {
        if (attempt < maxTransientRetries) {
          await this.ctx.sleep(verdict.afterMs);
          attempt += 1;
          continue;
        }
        throw new CrmConnectorError('retry', `HTTP_${response.status}`, busy('Salesforce is busy or unavailable', isPersonWaiting), {
          retryAfterMs: verdict.afterMs,
          httpStatus: response.status,
        });
      }
      const extra = { httpStatus: response.status };
      if (verdict.code === API_LIMIT_CODE) throw new CrmConnectorError('api_limit', verdict.code, verdict.message, extra);
      throw new CrmConnectorError('permanent', verdict.code, verdict.message, extra);
    }
  }

  private resolve(request: SalesforceRequest): URL {
    const base = new URL(this.ctx.instanceUrl);
    const url = new URL(request.path, base);
    // nextRecordsUrl and describe URLs come from the provider: never follow one to another host with our token.
    if (url.origin !== base.origin) throw new Error(`Refusing to call ${url.origin} with a token for ${base.origin}`);
    for (const [key, value] of Object.entries(request.query ?? {})) url.searchParams.set(key, value);
    return url;
  }
}

/**
 * POST to the token endpoint (§3); form-encoded; no retries here (the caller decides). `isPersonWaiting`: a person
 * waits on the answer (a check they started, the connect dialog), so a busy or unreachable login server is worded
 * with what they can do instead of a retry no one will make.
 */
export async function requestToken(
  settings: CrmOAuthSettings,
  form: Record<string, string>,
  grant: 'refresh_token' | 'authorization_code',
  now: Date,
  timeoutMs: number = SALESFORCE.requestTimeoutMs,
  isPersonWaiting = false,
): Promise<CrmTokenSet> {
  const url = new URL(SALESFORCE.tokenPath, settings.loginUrl);
  let response: Response;
  let bodyText: string;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ ...form, client_id: settings.clientId, client_secret: settings.clientSecret, format: 'json' }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    bodyText = await response.text();
  } catch (error) {
    throw new CrmConnectorError('retry', 'NETWORK_ERROR', unreachable('The Salesforce login server', networkFailureReason(error), isPersonWaiting));
  }
  if (!response.ok) {
    const verdict = classifyTokenError({ status: response.status, bodyText, retryAfterHeader: response.headers.get('retry-after') }, grant, now);
    if (verdict.kind === 'retry') throw new CrmConnectorError('retry', 'TOKEN_BUSY', busy('The Salesforce login server is busy', isPersonWaiting), {
      retryAfterMs: verdict.afterMs,
    });
    throw new CrmConnectorError('reauth', tokenErrorCode(bodyText), CRM_MESSAGES.unableToLogIn);
  }
  let parsedJson: unknown;
  try {
    parsedJson = JSON.parse(bodyText);
  } catch {
    throw new CrmConnectorError('permanent', 'INVALID_RESPONSE', 'The Salesforce token endpoint answered with a body that is not JSON.');
  }
  const parsed = tokenResponse.safeParse(parsedJson);
  if (!parsed.success) throw new CrmConnectorError('permanent', 'INVALID_RESPONSE', 'The Salesforce token endpoint answered in an unexpected shape.');
  const token = parsed.data;
  // §3: id = https://login.salesforce.com/id/<orgId>/<userId>
  const idParts = token.id ? new URL(token.id).pathname.split('/').filter(Boolean) : [];
  return {
    accessToken: token.access_token,
    refreshToken: token.refresh_token,
    instanceUrl: token.instance_url.replace(/\/+$/, ''),
    expiresInSeconds: undefined,
    externalOrgId: idParts.at(-2),
    externalUserId: idParts.at(-1),
  };
}

function tokenErrorCode(bodyText: string): string {
  try {
    const body = JSON.parse(bodyText) as { error?: unknown };
    return typeof body.error === 'string' ? body.error : 'invalid_grant';
  } catch {
    return 'invalid_grant';
  }
}
