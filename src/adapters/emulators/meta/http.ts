import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { bearerToken, paramsOf } from '../kit/oauthPages';

/** Wire helpers of the Meta emulator: the Graph error envelope, parameters (query, form, JSON; JSON-encoded values). */
export interface GraphError {
  readonly status: number;
  readonly code: number;
  readonly subcode?: number;
  readonly type?: string;
  readonly message: string;
  readonly userTitle?: string;
  readonly userMessage?: string;
  readonly isTransient?: boolean;
  readonly headers?: Readonly<Record<string, string>>;
}

export function sendGraphError(reply: FastifyReply, error: GraphError): FastifyReply {
  return reply
    .code(error.status)
    .headers({ 'www-authenticate': error.code === 190 ? 'OAuth "Facebook Platform" "invalid_token"' : '', ...(error.headers ?? {}) })
    .type('application/json; charset=UTF-8')
    .send({
      error: {
        message: error.message,
        type: error.type ?? 'OAuthException',
        code: error.code,
        ...(error.subcode === undefined ? {} : { error_subcode: error.subcode }),
        ...(error.isTransient === undefined ? {} : { is_transient: error.isTransient }),
        ...(error.userTitle === undefined ? {} : { error_user_title: error.userTitle }),
        ...(error.userMessage === undefined ? {} : { error_user_msg: error.userMessage }),
        fbtrace_id: `A${randomBytes(11).toString('base64url')}`,
      },
    });
}

/** Every parameter of a Graph call: query string, form or JSON body; values the SDK JSON-encodes are decoded. */
export function graphParams(request: FastifyRequest): Record<string, unknown> {
  const raw = paramsOf(request.query, typeof request.body === 'string' ? safeJson(request.body) : request.body);
  return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, typeof value === 'string' && /^[[{]/.test(value.trim()) ? (safeJson(value) ?? value) : value]));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function accessTokenOf(request: FastifyRequest, params: Record<string, unknown>): string | undefined {
  return typeof params.access_token === 'string' ? params.access_token : bearerToken(request.headers.authorization);
}

/** `fields=id,name,operation_status` → the set of names (empty when absent). */
export function requestedFields(params: Record<string, unknown>): string[] {
  return typeof params.fields === 'string' ? params.fields.split(',').map((field) => field.trim()).filter(Boolean) : [];
}

export function pick(object: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(fields.filter((field) => field in object).map((field) => [field, object[field]]));
}

export const graphErrors = {
  missingParameter: (name: string): GraphError => ({ status: 400, code: 100, message: `(#100) The parameter ${name} is required` }),
  invalidParameter: (message: string): GraphError => ({ status: 400, code: 100, message: `(#100) ${message}`, userTitle: 'Invalid parameter' }),
  doesNotExist: (id: string): GraphError => ({
    status: 400,
    code: 100,
    subcode: 33,
    type: 'GraphMethodException',
    message: `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
  }),
  cannotUpdate: (audienceId: string): GraphError => ({ status: 403, code: 200, message: `(#200) The current user can not update audience ${audienceId}` }),
  audienceDeleted: (): GraphError => ({ status: 400, code: 100, subcode: 1487366, type: 'GraphMethodException', message: 'Custom Audience Has Been Deleted', userTitle: 'Custom Audience Has Been Deleted', userMessage: 'This custom audience has been deleted.' }),
  audienceUnshared: (): GraphError => ({ status: 400, code: 100, subcode: 1487301, type: 'GraphMethodException', message: 'Custom Audience Unavailable: The custom audience you are trying to use has not been shared with your ad account', userTitle: 'Custom Audience Unavailable' }),
  audienceFlagged: (): GraphError => ({ status: 400, code: 100, subcode: 1713230, type: 'OAuthException', message: 'Audience Upload Blocked', userTitle: 'Audience Upload Blocked', userMessage: 'This audience was flagged by integrity checks; uploads to it are blocked.' }),
  tosNotAccepted: (): GraphError => ({ status: 403, code: 200, subcode: 1870090, message: '(#200) Custom Audience Terms not accepted', userTitle: 'Custom Audience Terms Not Accepted', userMessage: 'You must accept the Custom Audience Terms for this ad account before creating or updating customer-file audiences.' }),
  businessNotLinked: (): GraphError => ({ status: 403, code: 200, subcode: 1870050, message: '(#200) Permissions error: the ad account is not linked to the Business Manager', userTitle: 'Permissions Error' }),
  missingAdsManagement: (): GraphError => ({ status: 400, code: 294, type: 'GraphMethodException', message: 'Missing permission. Please make sure you have ads_management permission and the application is included in the allowlist' }),
  tooManyRows: (max: number): GraphError => ({ status: 400, code: 105, type: 'GraphMethodException', message: `The number of parameters exceeded the maximum for this operation (at most ${max} rows per request)` }),
  session: (subcode: number, message: string): GraphError => ({ status: 400, code: 2650, subcode, type: 'GraphMethodException', message: 'Failed to update the custom audience', userTitle: 'Failed to update the custom audience', userMessage: message }),
} as const;

/** Usage header Meta sends with business-use-case throttling (`estimated_time_to_regain_access` in minutes). */
export function businessUsageHeader(accountId: string, type: string, minutesToRegain: number): Record<string, string> {
  return {
    'x-business-use-case-usage': JSON.stringify({ [accountId]: [{ type, call_count: 100, total_cputime: 25, total_time: 25, estimated_time_to_regain_access: minutesToRegain }] }),
  };
}
