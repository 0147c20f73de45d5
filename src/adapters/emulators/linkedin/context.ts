import type { FastifyRequest } from 'fastify';

/** The signed-in member, put on each /rest request by the auth hook in routes.ts. */
const members = new WeakMap<FastifyRequest, string>();

export function setMember(request: FastifyRequest, memberId: string): void {
  members.set(request, memberId);
}

export function memberOf(request: FastifyRequest): string {
  const memberId = members.get(request);
  if (!memberId) throw new Error('LinkedIn route reached without the auth hook');
  return memberId;
}

export const accountUrn = (id: string) => `urn:li:sponsoredAccount:${id}`;

/** `urn:li:sponsoredAccount:123` → `123`; undefined when the value is not such a URN. */
export function accountIdFromUrn(urn: unknown): string | undefined {
  return typeof urn === 'string' ? /^urn:li:sponsoredAccount:(\d+)$/.exec(urn)?.[1] : undefined;
}
