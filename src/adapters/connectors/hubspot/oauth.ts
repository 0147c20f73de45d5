import { CrmConnectorError } from '../../../domain/integrations/crmErrors';
import type { CrmTokenSet } from '../../../ports/crmConnector';
import type { MapAuthSettings } from '../../../ports/mapConnector';
import { parseWith, retryWording, tokenCall } from '../mapKit/mapHttp';
import { readError } from './errors';
import { HUBSPOT } from './provider';
import { tokenResponse } from './wire';

/** The HubSpot login page. In sandbox mode the emulator serves it under the same host as the API. */
export function buildAuthorizationUrl(settings: MapAuthSettings, input: { state: string }): string {
  const isHubSpot = new URL(settings.loginUrl).host === new URL(HUBSPOT.loginUrls.production).host;
  const url = isHubSpot ? new URL(HUBSPOT.authorizeUrl) : new URL(HUBSPOT.authorizePath, settings.loginUrl);
  url.search = new URLSearchParams({
    client_id: settings.clientId,
    redirect_uri: settings.redirectUri,
    scope: HUBSPOT.scopes.join(' '),
    state: input.state,
  }).toString();
  return url.toString();
}

/**
 * §1: POST /oauth/v1/token, form body; the answer carries expires_in. 400 = refused grant → reauth. `isPersonWaiting`:
 * the connect dialog waits on it (a busy login server is worded with what to do), not a job's refresh.
 */
export async function requestHubSpotToken(settings: MapAuthSettings, form: Record<string, string>, timeoutMs: number, isPersonWaiting = false): Promise<CrmTokenSet> {
  const response = await tokenCall('HubSpot', new URL(HUBSPOT.tokenPath, settings.loginUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({ ...form, client_id: settings.clientId, client_secret: settings.clientSecret }),
  }, timeoutMs, isPersonWaiting);
  if (response.status >= 500 || response.status === 429) {
    throw new CrmConnectorError('retry', `HTTP_${response.status}`, retryWording('The HubSpot login server is busy', isPersonWaiting));
  }
  if (response.status !== 200) {
    const body = readError(response.bodyText);
    throw new CrmConnectorError('reauth', body.category ?? 'BAD_REFRESH_TOKEN', body.message ?? `HubSpot refused the login (HTTP ${response.status}).`, { httpStatus: response.status });
  }
  const token = parseWith('HubSpot', 'the token request', response.bodyText, tokenResponse);
  return {
    accessToken: token.access_token,
    refreshToken: token.refresh_token,
    instanceUrl: settings.loginUrl.replace(/\/+$/, ''),
    expiresInSeconds: token.expires_in,
    externalOrgId: token.hub_id === undefined ? undefined : String(token.hub_id),
    externalUserId: undefined,
  };
}
