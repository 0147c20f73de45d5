import type { FastifyReply } from 'fastify';

/** Small helpers for the emulators' OAuth authorize endpoints. */
export function redirectWith(redirectUri: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);
  return url.toString();
}

export function isHttpUrl(value: unknown): value is string {
  return typeof value === 'string' && /^https?:\/\/[^\s]+$/.test(value);
}

/** Parameters of a request from its query string and form or JSON body (body wins), as plain strings or values. */
export function paramsOf(query: unknown, body: unknown): Record<string, unknown> {
  const fromBody = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  return { ...((query ?? {}) as Record<string, unknown>), ...fromBody };
}

export function bearerToken(authorization: string | string[] | undefined): string | undefined {
  const header = Array.isArray(authorization) ? authorization[0] : authorization;
  const match = header ? /^Bearer\s+(.+)$/i.exec(header) : null;
  return match?.[1]?.trim();
}

/** An RFC 6749 §5.2 token-endpoint error: `{"error": …, "error_description": …}`. */
export function sendOAuthError(reply: FastifyReply, status: number, error: string, description: string): FastifyReply {
  return reply.code(status).send({ error, error_description: description });
}
