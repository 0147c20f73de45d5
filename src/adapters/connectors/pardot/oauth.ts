import { CrmConnectorError } from '../../../domain/integrations/crmErrors';
import type { CrmTokenSet } from '../../../ports/crmConnector';
import type { MapAuthSettings } from '../../../ports/mapConnector';
import { parseWith, retryWording, tokenCall, transientWording } from '../mapKit/mapHttp';
import { PARDOT } from './provider';
import { tokenError, tokenResponse } from './wire';

export function buildAuthorizationUrl(settings: MapAuthSettings, input: { state: string; codeChallenge: string }): string {
  const url = new URL(PARDOT.authorizePath, settings.loginUrl);
  url.search = new URLSearchParams({
    response_type: 'code', client_id: settings.clientId, redirect_uri: settings.redirectUri, state: input.state, scope: PARDOT.scopes.join(' '),
    code_challenge: input.codeChallenge, code_challenge_method: 'S256',
  }).toString();
  return url.toString();
}

/** The Pardot API host of the connection: what the customer chose (production / demo), or the emulator. */
export function pardotApiUrl(settings: MapAuthSettings): string {
  return (settings.extra.pardotUrl ?? PARDOT.apiHosts.production).replace(/\/+$/, '');
}

/**
 * §1 / salesforce.md §3: the Salesforce token endpoint. A refused grant → reauth; a refresh in progress → retry.
 * `isPersonWaiting`: the connect dialog waits on it (a busy login server is worded with what to do), not a job's refresh.
 */
export async function requestPardotToken(settings: MapAuthSettings, form: Record<string, string>, timeoutMs: number, isPersonWaiting = false): Promise<CrmTokenSet> {
  const response = await tokenCall('Salesforce', new URL(PARDOT.tokenPath, settings.loginUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({ ...form, client_id: settings.clientId, client_secret: settings.clientSecret }),
  }, timeoutMs, isPersonWaiting);
  if (response.status >= 500 || response.status === 429) throw new CrmConnectorError('retry', `HTTP_${response.status}`, retryWording('The Salesforce login server is busy', isPersonWaiting));
  if (response.status !== 200) {
    let failure: { error: string; error_description?: string | undefined } = { error: `HTTP_${response.status}` };
    try {
      const parsed = tokenError.safeParse(JSON.parse(response.bodyText));
      if (parsed.success) failure = parsed.data;
    } catch {
      // Not JSON: keep the status as the code.
    }
    const description = failure.error_description ?? failure.error;
    if ((PARDOT.transientRefreshErrors as readonly string[]).includes(description)) throw new CrmConnectorError('retry', failure.error, transientWording(description, isPersonWaiting));
    throw new CrmConnectorError('reauth', failure.error, description, { httpStatus: response.status });
  }
  const token = parseWith('Salesforce', 'the token request', response.bodyText, tokenResponse);
  const idParts = token.id ? new URL(token.id).pathname.split('/').filter(Boolean) : [];
  return {
    accessToken: token.access_token,
    refreshToken: token.refresh_token,
    instanceUrl: pardotApiUrl(settings),
    expiresInSeconds: undefined,
    externalOrgId: settings.extra.businessUnitId ?? idParts.at(-2),
    externalUserId: idParts.at(-1),
  };
}
