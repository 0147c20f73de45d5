import { z } from 'zod';

/**
 * One definition per endpoint, shared by the server (validation + OpenAPI), the web client, the CLI and tests
 * (STYLE.md §3.1). Routes import a contract and add the permission and the handler.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface EndpointContract<
  Params extends z.ZodType = z.ZodType,
  Query extends z.ZodType = z.ZodType,
  Body extends z.ZodType = z.ZodType,
  Response extends z.ZodType = z.ZodType,
> {
  readonly method: HttpMethod;
  /** Fastify-style path, e.g. /api/segments/:segmentId */
  readonly path: string;
  readonly summary: string;
  readonly tags: readonly string[];
  readonly params?: Params;
  readonly query?: Query;
  readonly body?: Body;
  /** The success body; status 200 unless successStatus says otherwise. */
  readonly response: Response;
  readonly successStatus?: 200 | 201 | 202 | 204;
  /**
   * 'csv': the handler returns { fileName, csv } and the client gets the file itself (text/csv with
   * Content-Disposition: attachment), so `curl -o x.csv` saves a CSV. Default 'json'.
   */
  readonly responseFormat?: 'json' | 'csv';
}

export function defineContract<
  Params extends z.ZodType = z.ZodUndefined,
  Query extends z.ZodType = z.ZodUndefined,
  Body extends z.ZodType = z.ZodUndefined,
  Response extends z.ZodType = z.ZodType,
>(contract: EndpointContract<Params, Query, Body, Response>): EndpointContract<Params, Query, Body, Response> {
  return contract;
}

/** Every error the API returns has this body. */
export const errorBody = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
  requestId: z.string().optional(),
});
export type ErrorBody = z.infer<typeof errorBody>;

/** Error codes and their HTTP statuses, shared by server and clients. */
export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  invalid_json: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  csrf_failed: 403,
  forbidden: 403,
  password_change_required: 403,
  not_found: 404,
  conflict: 409,
  limit_reached: 409,
  payload_too_large: 413,
  rate_limited: 429,
  provider_error: 502,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * The query of a paged list: page (from 1) and page size. pageQuery is the usual one; an endpoint with smaller pages
 * or a lower cap builds its own with pageQueryOf. Spread `.shape` after an endpoint's filters to keep their order in
 * the OpenAPI parameters, or `.extend()` it to put the filters after.
 */
export function pageQueryOf({ defaultPageSize = 50, maxPageSize = 500 }: { defaultPageSize?: number; maxPageSize?: number } = {}) {
  return z.object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(maxPageSize).default(defaultPageSize),
  });
}

export const pageQuery = pageQueryOf();

/** One page of a list, as the web's TablePagination reads it: { items, total, page, pageSize }. */
export function pageOf<Item extends z.ZodType>(item: Item) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}
