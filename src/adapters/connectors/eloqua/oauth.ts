import { CrmConnectorError } from '../../../domain/integrations/crmErrors';
import type { CrmTokenSet } from '../../../ports/crmConnector';
import type { MapAuthSettings } from '../../../ports/mapConnector';
import { parseWith, retryWording, tokenCall, transientWording } from '../mapKit/mapHttp';
import { reasonOf } from './errors';
import { ELOQUA } from './provider';
import { idResponse, tokenResponse } from './wire';

export function buildAuthorizationUrl(settings: MapAuthSettings, input: { state: string }): string {
  const url = new URL(ELOQUA.authorizePath, settings.loginUrl);
  url.search = new URLSearchParams({ response_type: 'code', client_id: settings.clientId, redirect_uri: settings.redirectUri, scope: 'full', state: input.state }).toString();
  return url.toString();
}

/** §1 Basic: base64("{SiteName}\{UserName}:{Password}"). Stored sealed as the connection's access token. */
export function basicCredential(settings: MapAuthSettings): string {
  const { siteName = '', userName = '', password = '' } = settings.extra;
  return Buffer.from(`${siteName}\\${userName}:${password}`, 'utf8').toString('base64');
}

/** §1: GET {login}/id → urls.base, the pod every later call goes to. */
async function discover(settings: MapAuthSettings, authorization: string, timeoutMs: number, isPersonWaiting: boolean) {
  const response = await tokenCall('Eloqua', new URL(ELOQUA.idPath, settings.loginUrl), { method: 'GET', headers: { authorization, accept: 'application/json' } }, timeoutMs, isPersonWaiting);
  if (response.status === 401) throw new CrmConnectorError('reauth', 'HTTP_401', reasonOf(response), { httpStatus: 401 });
  if (response.status !== 200) throw new CrmConnectorError('retry', `HTTP_${response.status}`, transientWording(reasonOf(response), isPersonWaiting), { httpStatus: response.status });
  return parseWith('Eloqua', 'the /id request', response.bodyText, idResponse);
}

/** `isPersonWaiting`: the connect dialog waits on it (transient failures are worded with what to do), not a job's refresh. */
export async function connectWithBasic(settings: MapAuthSettings, timeoutMs: number, isPersonWaiting = false): Promise<CrmTokenSet> {
  const credential = basicCredential(settings);
  const id = await discover(settings, `Basic ${credential}`, timeoutMs, isPersonWaiting);
  return { accessToken: credential, refreshToken: '', instanceUrl: id.urls.base.replace(/\/+$/, ''), expiresInSeconds: undefined, externalOrgId: id.site?.name, externalUserId: id.user ? String(id.user.id) : undefined };
}

/**
 * §1 OAuth token endpoint (client in Basic auth, JSON body), then base URL discovery with the new token.
 * `isPersonWaiting`: the connect dialog waits on it (a busy login server is worded with what to do), not a job's refresh.
 */
export async function requestEloquaToken(settings: MapAuthSettings, body: Record<string, string>, timeoutMs: number, isPersonWaiting = false): Promise<CrmTokenSet> {
  const client = Buffer.from(`${settings.clientId}:${settings.clientSecret}`, 'utf8').toString('base64');
  const response = await tokenCall('Eloqua', new URL(ELOQUA.tokenPath, settings.loginUrl), {
    method: 'POST',
    headers: { authorization: `Basic ${client}`, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  }, timeoutMs, isPersonWaiting);
  if (response.status >= 500 || response.status === 429) throw new CrmConnectorError('retry', `HTTP_${response.status}`, retryWording('The Eloqua login server is busy', isPersonWaiting));
  if (response.status !== 200) throw new CrmConnectorError('reauth', `HTTP_${response.status}`, reasonOf(response), { httpStatus: response.status });
  const token = parseWith('Eloqua', 'the token request', response.bodyText, tokenResponse);
  const id = await discover(settings, `Bearer ${token.access_token}`, timeoutMs, isPersonWaiting);
  return {
    accessToken: token.access_token,
    refreshToken: token.refresh_token,
    instanceUrl: id.urls.base.replace(/\/+$/, ''),
    expiresInSeconds: token.expires_in,
    externalOrgId: id.site?.name,
    externalUserId: id.user ? String(id.user.id) : undefined,
  };
}
