import type { MapCallContext } from '../../../ports/mapConnector';
import { mapSend, parseWith, type MapHttpOptions, type MapHttpRequest } from '../mapKit/mapHttp';
import { classifyHubSpot, usageOf } from './errors';
import { HUBSPOT } from './provider';

export interface HubSpotClientOptions {
  readonly requestTimeoutMs: number;
  readonly maxTransientRetries: number;
}

export const defaultHubSpotOptions: HubSpotClientOptions = { requestTimeoutMs: HUBSPOT.requestTimeoutMs, maxTransientRetries: HUBSPOT.maxTransientRetries };

/** One connection's HubSpot REST client: the shared call loop with HubSpot's classification and usage headers. */
export function hubSpotClient(ctx: MapCallContext, options: HubSpotClientOptions) {
  const http: MapHttpOptions = { providerName: 'HubSpot', ...options, classify: classifyHubSpot, usageOf };
  return {
    send: (request: MapHttpRequest) => mapSend(ctx, http, request),
    async json<T>(request: MapHttpRequest, schema: Parameters<typeof parseWith<T>>[3]): Promise<T & {}> {
      const response = await mapSend(ctx, http, request);
      return parseWith('HubSpot', `${request.method} ${request.path}`, response.bodyText, schema) as T & {};
    },
  };
}
