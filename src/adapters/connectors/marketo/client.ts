import { CrmConnectorError } from '../../../domain/integrations/crmErrors';
import type { CrmTokenSet } from '../../../ports/crmConnector';
import type { MapAuthSettings, MapCallContext } from '../../../ports/mapConnector';
import { mapSend, parseWith, retryWording, tokenCall, type MapHttpOptions, type MapHttpRequest } from '../mapKit/mapHttp';
import { classifyMarketo } from './errors';
import { MARKETO } from './provider';
import { tokenError, tokenResponse } from './wire';

export interface MarketoClientOptions {
  readonly requestTimeoutMs: number;
  readonly maxTransientRetries: number;
}

export const defaultMarketoOptions: MarketoClientOptions = { requestTimeoutMs: MARKETO.requestTimeoutMs, maxTransientRetries: MARKETO.maxTransientRetries };

export function marketoClient(ctx: MapCallContext, options: MarketoClientOptions) {
  const http: MapHttpOptions = { providerName: 'Marketo', ...options, classify: classifyMarketo };
  return {
    async json<T>(request: MapHttpRequest, schema: Parameters<typeof parseWith<T>>[3]): Promise<T & {}> {
      const response = await mapSend(ctx, http, request);
      return parseWith('Marketo', `${request.method} ${request.path}`, response.bodyText, schema) as T & {};
    },
  };
}

/** The instance URL the customer entered, without a trailing slash or /rest suffix. */
export function instanceBase(settings: MapAuthSettings): string {
  return (settings.extra.instanceUrl ?? settings.loginUrl).replace(/\/+$/, '').replace(/\/rest$/, '');
}

/**
 * §1: GET {instance}/identity/oauth/token?grant_type=client_credentials… → token valid 3,599 seconds. `isPersonWaiting`:
 * the connect dialog waits on it (a busy identity service is worded with what to do), not a job's refresh.
 */
export async function requestMarketoToken(settings: MapAuthSettings, timeoutMs: number, isPersonWaiting = false): Promise<CrmTokenSet> {
  const base = instanceBase(settings);
  const url = new URL(MARKETO.identityPath, base);
  url.search = new URLSearchParams({ grant_type: 'client_credentials', client_id: settings.clientId, client_secret: settings.clientSecret }).toString();
  const response = await tokenCall('Marketo', url, { method: 'GET', headers: { accept: 'application/json' } }, timeoutMs, isPersonWaiting);
  if (response.status >= 500 || response.status === 429) {
    throw new CrmConnectorError('retry', `HTTP_${response.status}`, retryWording('The Marketo identity service is busy', isPersonWaiting));
  }
  let body: unknown;
  try {
    body = JSON.parse(response.bodyText);
  } catch {
    throw new CrmConnectorError('permanent', 'INVALID_RESPONSE', `The Marketo identity service answered HTTP ${response.status} with a body that is not JSON. Check the instance URL.`);
  }
  const failure = tokenError.safeParse(body);
  if (failure.success) throw new CrmConnectorError('reauth', failure.data.error, failure.data.error_description ?? failure.data.error, { httpStatus: response.status });
  const token = parseWith('Marketo', 'the identity request', response.bodyText, tokenResponse);
  return {
    accessToken: token.access_token,
    refreshToken: '',
    instanceUrl: base,
    expiresInSeconds: token.expires_in,
    externalOrgId: settings.extra.munchkinId,
    externalUserId: token.scope,
  };
}
