import type { FastifyReply, FastifyRequest } from 'fastify';

/** Shared wire helpers of the Salesforce emulator: error envelope, base URL, version checks. */
export const API_VERSIONS = Array.from({ length: 62 - 31 + 1 }, (_, index) => `${31 + index}.0`);
export const LATEST_VERSION = API_VERSIONS[API_VERSIONS.length - 1] ?? '62.0';

const seasons = ['Spring', 'Summer', 'Winter'];

export function versionList() {
  // v31.0 was Summer '14; three releases a year, Winter '15 being v32.0.
  return API_VERSIONS.map((version, index) => {
    const release = index + 1;
    const season = seasons[release % 3] ?? 'Winter';
    const year = 14 + Math.floor((release + 1) / 3);
    return { label: `${season} '${String(year).padStart(2, '0')}`, url: `/services/data/v${version}`, version };
  });
}

/** `v62.0` → `62.0`; `latest` → the newest; undefined for an unknown version. */
export function parseVersion(segment: string): string | undefined {
  if (segment === 'latest') return LATEST_VERSION;
  const match = /^v(\d+\.\d)$/.exec(segment);
  return match && API_VERSIONS.includes(match[1] ?? '') ? match[1] : undefined;
}

/** REST errors are a JSON array of {message, errorCode} (Salesforce REST API error codes page). */
export function sendError(reply: FastifyReply, status: number, errorCode: string, message: string, fields?: string[]): FastifyReply {
  return reply.code(status).type('application/json;charset=UTF-8').send([{ message, errorCode, ...(fields ? { fields } : {}) }]);
}

export function notFound(reply: FastifyReply): FastifyReply {
  return sendError(reply, 404, 'NOT_FOUND', 'The requested resource does not exist');
}

/** Where the emulator was reached, used as instance_url and in identity URLs. */
export function baseUrlOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.headers.host ?? 'localhost'}`;
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^(Bearer|OAuth)\s+(.+)$/i.exec(header) : null;
  return match?.[2]?.trim();
}

/** The version and signed-in user put on each data request by the auth hook. */
export interface DataRequestContext {
  readonly version: string;
  readonly userId: string;
}

const contexts = new WeakMap<FastifyRequest, DataRequestContext>();

export function setContext(request: FastifyRequest, context: DataRequestContext): void {
  contexts.set(request, context);
}

export function contextOf(request: FastifyRequest): DataRequestContext {
  const context = contexts.get(request);
  if (!context) throw new Error('data route reached without the auth hook');
  return context;
}
