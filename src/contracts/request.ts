import type { z } from 'zod';
import type { EndpointContract } from './http';
import { errorBody } from './http';
import type { ErrorBody } from './http';

/**
 * What a caller passes to reach an endpoint: the contract decides which parts exist. Shared by the web client,
 * test clients and the CLI, so every caller builds URLs and reads errors the same way.
 */
type Part<S> = NonNullable<S> extends z.ZodType ? z.input<NonNullable<S>> : undefined;

export type ContractInput<C extends EndpointContract> = (Part<C['params']> extends undefined
  ? { readonly params?: undefined }
  : { readonly params: Part<C['params']> }) &
  (Part<C['query']> extends undefined ? { readonly query?: undefined } : { readonly query?: Partial<Part<C['query']>> }) &
  (Part<C['body']> extends undefined ? { readonly body?: undefined } : { readonly body: Part<C['body']> });

export type ContractOutput<C extends EndpointContract> = z.output<C['response']>;

/** Fills `:name` segments of a contract path (each value URI-encoded) and appends the query string. */
export function buildRequestPath(
  path: string,
  params: Readonly<Record<string, string | number>> | undefined,
  query: Readonly<Record<string, unknown>> | undefined,
): string {
  const filled = path.replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === '') throw new Error(`Missing path parameter "${name}" for ${path}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
  }
  const queryString = search.toString();
  return queryString === '' ? filled : `${filled}?${queryString}`;
}

/** An error answered by the API, carrying its JSON body. Anything else the server sends becomes code "internal". */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly requestId: string | undefined;

  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.status = status;
    this.code = body.code;
    this.details = body.details;
    this.requestId = body.requestId;
  }
}

/** Reads an error response body; a body that is not our JSON error shape gets a plain, honest message. */
export function toApiError(status: number, bodyText: string): ApiError {
  let json: unknown;
  try {
    json = JSON.parse(bodyText);
  } catch {
    json = undefined;
  }
  const parsed = errorBody.safeParse(json);
  if (parsed.success) return new ApiError(status, parsed.data);
  const message = status >= 500 ? `The server failed (HTTP ${status}). Try again in a moment.` : `The request failed (HTTP ${status}).`;
  return new ApiError(status, { code: status >= 500 ? 'internal' : 'bad_request', message });
}
