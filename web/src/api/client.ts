import { CSRF_HEADER } from '../../../src/contracts/auth';
import type { EndpointContract } from '../../../src/contracts/http';
import { ApiError, buildRequestPath, toApiError } from '../../../src/contracts/request';
import type { ContractInput, ContractOutput } from '../../../src/contracts/request';

/**
 * The one way the web UI talks to the API: a contract (method, path, zod schemas) plus its input. Sends the session
 * cookie, adds the CSRF header to every request that changes something, validates the answer against the contract
 * and turns error bodies into ApiError.
 */
let csrfToken: string | undefined;

/** Called whenever a session answer (log-in, session) arrives; cleared on log-out. */
export function rememberCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export type CallArgs<C extends EndpointContract> = object extends ContractInput<C> ? [input?: ContractInput<C>] : [input: ContractInput<C>];

export async function callApi<C extends EndpointContract>(contract: C, ...[input]: CallArgs<C>): Promise<ContractOutput<C>> {
  const request = (input ?? {}) as { params?: Record<string, string | number>; query?: Record<string, unknown>; body?: unknown };
  const url = buildRequestPath(contract.path, request.params, request.query);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  if (contract.method !== 'GET' && csrfToken !== undefined) headers[CSRF_HEADER] = csrfToken;

  let response: Response;
  try {
    response = await fetch(url, {
      method: contract.method,
      headers,
      credentials: 'same-origin',
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    });
  } catch {
    throw new ApiError(0, { code: 'network_error', message: 'Cannot reach the openabm server. Check that it is running.' });
  }
  const text = await response.text();
  if (!response.ok) throw toApiError(response.status, text);

  const parsed = contract.response.safeParse(text === '' ? undefined : JSON.parse(text));
  if (!parsed.success) {
    throw new ApiError(response.status, {
      code: 'internal',
      message: `The server's answer to ${contract.method} ${contract.path} does not match its contract.`,
      details: parsed.error.issues,
    });
  }
  return parsed.data as ContractOutput<C>;
}

/** The file name a Content-Disposition header gives (filename*=UTF-8''… preferred over filename="…"). */
export function fileNameFromDisposition(header: string | null, fallback: string): string {
  const extended = header === null ? null : /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (extended?.[1]) return decodeURIComponent(extended[1]);
  const plain = header === null ? null : /filename="([^"]*)"/i.exec(header);
  return plain?.[1] ?? fallback;
}

/** A file download endpoint (contract responseFormat 'csv'): the file's bytes and name, or ApiError. */
export async function fetchFile<C extends EndpointContract>(contract: C, ...[input]: CallArgs<C>): Promise<{ fileName: string; blob: Blob }> {
  const request = (input ?? {}) as { params?: Record<string, string | number>; query?: Record<string, unknown> };
  const url = buildRequestPath(contract.path, request.params, request.query);
  let response: Response;
  try {
    response = await fetch(url, { method: contract.method, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { code: 'network_error', message: 'Cannot reach the openabm server. Check that it is running.' });
  }
  if (!response.ok) throw toApiError(response.status, await response.text());
  return { fileName: fileNameFromDisposition(response.headers.get('content-disposition'), url.split('/').pop() ?? 'download'), blob: await response.blob() };
}

/**
 * The server's sentence for one field of a rejected body ("Enter a valid e-mail address."), to show under that
 * input; undefined when the error is about something else.
 */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed' || !Array.isArray(error.details)) return undefined;
  const match = (error.details as Array<{ path?: unknown; message?: unknown }>).find((detail) => detail.path === `/${field}`);
  return typeof match?.message === 'string' ? match.message : undefined;
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** A sentence to show a person for any thrown error. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
