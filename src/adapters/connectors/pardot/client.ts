import type { MapCallContext } from '../../../ports/mapConnector';
import { mapSend, parseWith, type MapHttpOptions, type MapHttpRequest } from '../mapKit/mapHttp';
import { classifyPardot, usageOf } from './errors';
import { PARDOT } from './provider';

export interface PardotClientOptions {
  readonly requestTimeoutMs: number;
  readonly maxTransientRetries: number;
}

export const defaultPardotOptions: PardotClientOptions = { requestTimeoutMs: PARDOT.requestTimeoutMs, maxTransientRetries: PARDOT.maxTransientRetries };

/** §1: Bearer + Pardot-Business-Unit-Id on every call; §3: ask for x-api-usage so the budget sees the BU's usage. */
export function pardotClient(ctx: MapCallContext, options: PardotClientOptions) {
  const http: MapHttpOptions = {
    providerName: 'Pardot',
    ...options,
    classify: classifyPardot,
    usageOf,
    extraHeaders: (context) => ({ [PARDOT.businessUnitHeader]: context.extra.businessUnitId ?? '', 'X-Return-Api-Usage': '1' }),
  };
  return {
    async json<T>(request: MapHttpRequest, schema: Parameters<typeof parseWith<T>>[3]): Promise<T & {}> {
      const response = await mapSend(ctx, http, request);
      return parseWith('Pardot', `${request.method} ${request.path}`, response.bodyText, schema) as T & {};
    },
    send: (request: MapHttpRequest) => mapSend(ctx, http, request),
  };
}
