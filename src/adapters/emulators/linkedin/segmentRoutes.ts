import type { FastifyInstance, FastifyReply } from 'fastify';
import { accountIdFromUrn, accountUrn } from './context';
import { linkedInErrors, sendLinkedInError } from './http';
import { AUDIENCE_ROLES, type DmpSegment, type LinkedInState } from './state';

export function segmentView(state: LinkedInState, segment: DmpSegment) {
  const status = state.statusOf(segment);
  const { matchedCount, audienceSize } = state.countsOf(segment);
  return {
    id: Number(segment.id),
    name: segment.name,
    type: segment.type,
    account: segment.account,
    sourcePlatform: segment.sourcePlatform,
    sourceSegmentId: segment.sourceSegmentId,
    status,
    matchedCount,
    audienceSize,
    destinations: [{ destination: 'LINKEDIN', status, matchedCount, audienceSize }],
    created: segment.createdAtMs,
    lastModified: segment.members.lastChangeMs ?? segment.createdAtMs,
  };
}

/** Answers 403 unless the member may manage audiences on the account (and the app holds rw_dmp_segments). */
export function refuseUnlessManager(state: LinkedInState, accountId: string | undefined, action: string, reply: FastifyReply): FastifyReply | undefined {
  if (!state.hasDmpScope) return sendLinkedInError(reply, linkedInErrors.accessDenied(`partnerApiDmpSegments.${action} (the application lacks rw_dmp_segments)`));
  const account = accountId ? state.accounts.get(accountId) : undefined;
  if (!account || !AUDIENCE_ROLES.includes(account.role)) return sendLinkedInError(reply, linkedInErrors.accessDenied(`partnerApiDmpSegments.${action}`));
  return undefined;
}

/** The segment when it exists and is not deleted, else answers 404. */
export function liveSegment(state: LinkedInState, id: string, reply: FastifyReply): DmpSegment | undefined {
  const segment = state.segments.get(id);
  if (!segment || segment.isDeleted) {
    sendLinkedInError(reply, linkedInErrors.notFound(`Could not find DMP segment with ID ${id}`));
    return undefined;
  }
  return segment;
}

/** `GET /rest/dmpSegments?q=account…`, `POST /rest/dmpSegments` (201, id in x-restli-id), `GET|DELETE /rest/dmpSegments/{id}`. */
export function registerSegmentRoutes(scope: FastifyInstance, state: LinkedInState): void {
  scope.get<{ Querystring: Record<string, string | undefined> }>('/dmpSegments', async (request, reply) => {
    const { q, account, sourceSegmentId, sourcePlatform } = request.query;
    if (q !== 'account') return sendLinkedInError(reply, linkedInErrors.badRequest('Unsupported finder; use q=account'));
    const accountId = accountIdFromUrn(account);
    if (!accountId) return sendLinkedInError(reply, linkedInErrors.badRequest('account must be urn:li:sponsoredAccount:{id}'));
    if (!state.accounts.has(accountId)) return sendLinkedInError(reply, linkedInErrors.accessDenied(`partnerApiDmpSegments.FINDER-account.${accountId}`));
    const elements = [...state.segments.values()]
      .filter((segment) => !segment.isDeleted && segment.account === accountUrn(accountId))
      .filter((segment) => (sourceSegmentId === undefined || segment.sourceSegmentId === sourceSegmentId) && (sourcePlatform === undefined || segment.sourcePlatform === sourcePlatform))
      .map((segment) => segmentView(state, segment));
    return { elements, paging: { start: 0, count: elements.length, total: elements.length, links: [] } };
  });

  scope.post('/dmpSegments', async (request, reply) => {
    const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<string, unknown>;
    const accountId = accountIdFromUrn(body.account);
    if (typeof body.name !== 'string' || !body.name.trim()) return sendLinkedInError(reply, linkedInErrors.badRequest('/name is required'));
    if (!accountId) return sendLinkedInError(reply, linkedInErrors.badRequest('/account must be urn:li:sponsoredAccount:{id}'));
    if (body.type !== 'COMPANY' && body.type !== 'USER') return sendLinkedInError(reply, linkedInErrors.badRequest('/type must be COMPANY or USER'));
    if (typeof body.sourcePlatform !== 'string' || !body.sourcePlatform) return sendLinkedInError(reply, linkedInErrors.badRequest('/sourcePlatform is required'));
    const destinations = Array.isArray(body.destinations) ? body.destinations : [];
    if (!destinations.some((item) => (item as { destination?: unknown } | null)?.destination === 'LINKEDIN')) return sendLinkedInError(reply, linkedInErrors.badRequest('/destinations must include {"destination":"LINKEDIN"}'));
    const refused = refuseUnlessManager(state, accountId, 'CREATE', reply);
    if (refused) return refused;
    const segment = state.createSegment({
      name: body.name.trim(),
      type: body.type,
      account: accountUrn(accountId),
      sourcePlatform: body.sourcePlatform,
      sourceSegmentId: typeof body.sourceSegmentId === 'string' ? body.sourceSegmentId : '',
      destinations,
    });
    return reply.code(201).headers({ 'x-restli-id': segment.id, location: `/dmpSegments/${segment.id}`, 'x-restli-protocol-version': '2.0.0' }).send();
  });

  scope.get<{ Params: { id: string } }>('/dmpSegments/:id', async (request, reply) => {
    const segment = liveSegment(state, request.params.id, reply);
    if (!segment) return reply;
    if (!state.accounts.has(accountIdFromUrn(segment.account) ?? '')) return sendLinkedInError(reply, linkedInErrors.accessDenied(`partnerApiDmpSegments.GET.${segment.id}`));
    return segmentView(state, segment);
  });

  scope.delete<{ Params: { id: string } }>('/dmpSegments/:id', async (request, reply) => {
    const segment = liveSegment(state, request.params.id, reply);
    if (!segment) return reply;
    const refused = refuseUnlessManager(state, accountIdFromUrn(segment.account), 'DELETE', reply);
    if (refused) return refused;
    segment.isDeleted = true;
    return reply.code(204).send();
  });
}
