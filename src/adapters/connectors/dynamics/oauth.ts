import type { CrmOAuthSettings, CrmTokenSet } from '../../../ports/crmConnector';
import { CrmConnectorError } from '../../../domain/integrations/crmErrors';
import { readBody } from './client';
import { networkFailureReason } from '../networkFailure';
import { classifyTokenAnswer, toConnectorError, type ProviderAnswer } from './errors';
import { DYNAMICS_PROVIDER, trimSlash } from './provider';
import { tokenResponseSchema, whoAmISchema } from './wire';

/** Entra ID v2.0 authorisation-code flow with PKCE and refresh (reference §2). */

function orgUrlOf(settings: CrmOAuthSettings): string {
  if (!settings.resourceUrl) throw new CrmConnectorError('permanent', 'missing_org_url', 'Enter the Dynamics 365 organisation URL (https://<org>.crm.dynamics.com).');
  return trimSlash(settings.resourceUrl);
}

export function buildAuthorizationUrl(settings: CrmOAuthSettings, input: { readonly state: string; readonly codeChallenge: string }): string {
  const url = new URL(`${trimSlash(settings.loginUrl)}${DYNAMICS_PROVIDER.authorizePath}`);
  url.searchParams.set('client_id', settings.clientId);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('redirect_uri', settings.redirectUri);
  url.searchParams.set('response_mode', 'query');
  url.searchParams.set('scope', DYNAMICS_PROVIDER.delegatedScopes(orgUrlOf(settings)));
  url.searchParams.set('state', input.state);
  url.searchParams.set('code_challenge', input.codeChallenge);
  url.searchParams.set('code_challenge_method', 'S256');
  return url.toString();
}

export interface TokenRequestOptions {
  readonly now: () => Date;
  readonly maxAttempts: number;
  readonly sleep: (ms: number) => Promise<void>;
  /** Per-request timeout of a token call a person waits on (the refresh of a check they started). */
  readonly personWaitingRequestTimeoutMs: number;
}

/**
 * A person waits on the answer (CrmTokenRequestOptions.isPersonWaiting: a check they started, the connect dialog):
 * one attempt with the short timeout, and a busy or unreachable login server is worded with what to do.
 */
interface Waiting {
  readonly isPersonWaiting: boolean;
}

async function postToken(settings: CrmOAuthSettings, form: Record<string, string>, options: TokenRequestOptions, { isPersonWaiting }: Waiting): Promise<CrmTokenSet> {
  const url = `${trimSlash(settings.loginUrl)}${DYNAMICS_PROVIDER.tokenPath}`;
  const maxAttempts = isPersonWaiting ? 1 : options.maxAttempts;
  const timeoutMs = isPersonWaiting ? Math.min(options.personWaitingRequestTimeoutMs, DYNAMICS_PROVIDER.requestTimeoutMs) : DYNAMICS_PROVIDER.requestTimeoutMs;
  for (let attempt = 0; ; attempt += 1) {
    let answer: ProviderAnswer;
    let networkFailure: { what: string; reason: string } | undefined;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: new URLSearchParams({ ...form, client_id: settings.clientId, client_secret: settings.clientSecret, scope: DYNAMICS_PROVIDER.delegatedScopes(orgUrlOf(settings)) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      answer = { status: response.status, retryAfter: response.headers.get('retry-after'), body: await readBody(response) };
    } catch (error) {
      answer = { status: 503, retryAfter: null, body: undefined };
      networkFailure = { what: 'The Entra ID login server', reason: networkFailureReason(error) };
    }
    if (answer.status === 200) {
      const parsed = tokenResponseSchema.safeParse(answer.body);
      if (!parsed.success) throw new CrmConnectorError('permanent', 'bad_response', 'The Entra ID token endpoint answered with an unexpected body.');
      return {
        accessToken: parsed.data.access_token,
        refreshToken: parsed.data.refresh_token,
        instanceUrl: orgUrlOf(settings),
        expiresInSeconds: parsed.data.expires_in,
        externalUserId: undefined,
        externalOrgId: undefined,
      };
    }
    const failure = classifyTokenAnswer(answer, attempt, options.now());
    if (failure.kind !== 'retry' || attempt + 1 >= maxAttempts) throw toConnectorError(failure, isPersonWaiting, networkFailure);
    await options.sleep(failure.afterMs);
  }
}

export function refreshToken(settings: CrmOAuthSettings, token: string, options: TokenRequestOptions, waiting: Waiting = { isPersonWaiting: false }): Promise<CrmTokenSet> {
  return postToken(settings, { grant_type: 'refresh_token', refresh_token: token }, options, waiting);
}

/** Code → tokens, then WhoAmI (best effort) so the integrations page can show who is connected to which org. */
export async function exchangeCode(settings: CrmOAuthSettings, input: { readonly code: string; readonly codeVerifier: string }, options: TokenRequestOptions): Promise<CrmTokenSet> {
  // A person waits on the connect dialog: one attempt with the short timeout, failures worded for them.
  const tokens = await postToken(settings, { grant_type: 'authorization_code', code: input.code, redirect_uri: settings.redirectUri, code_verifier: input.codeVerifier }, options, { isPersonWaiting: true });
  // Best effort, within the short timeout of the person waiting: the connection works without the user's ids.
  let response: Response;
  let body: unknown;
  try {
    response = await fetch(`${tokens.instanceUrl}${DYNAMICS_PROVIDER.apiPath}/WhoAmI`, {
      headers: { ...DYNAMICS_PROVIDER.requestHeaders, Authorization: `Bearer ${tokens.accessToken}` },
      signal: AbortSignal.timeout(Math.min(options.personWaitingRequestTimeoutMs, DYNAMICS_PROVIDER.requestTimeoutMs)),
    });
    body = await readBody(response);
  } catch {
    return tokens;
  }
  const whoAmI = whoAmISchema.safeParse(body);
  if (!response.ok || !whoAmI.success) return tokens;
  return { ...tokens, externalUserId: whoAmI.data.UserId, externalOrgId: whoAmI.data.OrganizationId };
}
