import type { MapCallContext } from '../../../ports/mapConnector';
import { mapSend, parseWith, type MapHttpOptions, type MapHttpRequest } from '../mapKit/mapHttp';
import { classifyEloqua } from './errors';
import { ELOQUA } from './provider';

export interface EloquaClientOptions {
  readonly requestTimeoutMs: number;
  readonly maxTransientRetries: number;
}

export const defaultEloquaOptions: EloquaClientOptions = { requestTimeoutMs: ELOQUA.requestTimeoutMs, maxTransientRetries: ELOQUA.maxTransientRetries };

/** Bearer for OAuth connections; Basic (the sealed Site\User:Password credential) for Basic-auth connections. */
export function eloquaClient(ctx: MapCallContext, options: EloquaClientOptions) {
  const http: MapHttpOptions = {
    providerName: 'Eloqua',
    ...options,
    classify: classifyEloqua,
    authorization: (context) => (context.extra.authKind === 'basic' ? `Basic ${context.accessToken()}` : `Bearer ${context.accessToken()}`),
  };
  return {
    async json<T>(request: MapHttpRequest, schema: Parameters<typeof parseWith<T>>[3]): Promise<T & {}> {
      const response = await mapSend(ctx, http, { ...request, path: `${ELOQUA.restPath}${request.path}` });
      return parseWith('Eloqua', `${request.method} ${request.path}`, response.bodyText, schema) as T & {};
    },
  };
}
