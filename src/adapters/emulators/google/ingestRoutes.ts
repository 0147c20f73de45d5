import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import { isMatchedKey } from '../kit/hashing';
import { enumName } from './enums';
import { matchRateRange, parseDestinations, parseMembers, type ParsedDestination } from './audienceMembers';
import { badRequest, googleErrors, sendGoogleError, type FieldViolation } from './http';
import type { GoogleState, GoogleUserList, IngestionRequest } from './state';

type Json = Record<string, unknown>;

/** Each destination's user list, or the error answered (403 without access or write permission, 404 when removed). */
function resolveLists(state: GoogleState, destinations: readonly ParsedDestination[], reply: FastifyReply): GoogleUserList[] | undefined {
  const lists: GoogleUserList[] = [];
  for (const destination of destinations) {
    const customer = state.customers.get(destination.operatingAccountId);
    const login = destination.loginAccountId === undefined ? customer : state.customers.get(destination.loginAccountId);
    if (!customer || !login) {
      sendGoogleError(reply, googleErrors.permissionDenied(`The caller does not have permission to access account ${destination.operatingAccountId}.`));
      return undefined;
    }
    if (!customer.canManageAudiences) {
      sendGoogleError(reply, googleErrors.permissionDenied(`The caller does not have permission to modify audiences in account ${customer.id}.`));
      return undefined;
    }
    const list = state.userLists.get(destination.productDestinationId);
    if (!list || list.isDeleted || list.customerId !== customer.id) {
      sendGoogleError(reply, googleErrors.notFound(`User list ${destination.productDestinationId} was not found in account ${customer.id}.`, `destinations[${destination.index}].product_destination_id`));
      return undefined;
    }
    lists.push(list);
  }
  return lists;
}

function termsRefused(state: GoogleState, body: Json, lists: readonly GoogleUserList[]): boolean {
  const status = enumName('termsOfServiceStatus', (body.termsOfService as Json | undefined)?.customerMatchTermsOfServiceStatus);
  if (state.pending.tosRejected || status === 'REJECTED') return true;
  for (const list of lists) {
    const customer = state.customers.get(list.customerId);
    if (!customer) return true;
    if (status === 'ACCEPTED') customer.isTosAccepted = true;
    if (!customer.isTosAccepted) return true;
  }
  return false;
}

/** `audienceMembers:ingest` and `:remove`: synchronous checks, one writer per user list, asynchronous status. */
async function write(state: GoogleState, request: FastifyRequest, reply: FastifyReply, kind: 'INGEST' | 'REMOVE'): Promise<unknown> {
  const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Json;
  const violations: FieldViolation[] = [];
  const destinations = parseDestinations(body, state.options.maxDestinationsPerRequest, violations);
  const members = parseMembers(body, { maxMembers: state.options.maxAudienceMembersPerRequest, maxIdentifiers: state.options.maxIdentifiersPerMember }, violations);
  if (violations.length > 0) return sendGoogleError(reply, badRequest(violations.slice(0, 1_000)));
  const lists = resolveLists(state, destinations, reply);
  if (!lists) return reply;
  if (kind === 'INGEST' && termsRefused(state, body, lists)) return sendGoogleError(reply, googleErrors.termsNotSigned());
  if (body.validateOnly === true) return {};
  if (state.pending.concurrentModifications > 0 || lists.some((list) => list.isWriting)) {
    state.pending.concurrentModifications = Math.max(0, state.pending.concurrentModifications - 1);
    return sendGoogleError(reply, googleErrors.concurrentModification());
  }
  for (const list of lists) list.isWriting = true;
  try {
    if (state.options.writeHoldMs > 0) await sleep(state.options.writeHoldMs);
    const isFailed = state.pending.failedRequests > 0;
    if (isFailed) state.pending.failedRequests -= 1;
    const errorCounts = new Map<string, number>();
    let matchedCount = 0;
    if (!isFailed) {
      for (const list of lists) list.members.beginChange(state.nowMs(), state.options.processingDelayMs);
      for (const member of members) {
        if (kind === 'INGEST' && member.isConsentDenied) {
          errorCounts.set('PROCESSING_ERROR_REASON_DENIED_CONSENT', (errorCounts.get('PROCESSING_ERROR_REASON_DENIED_CONSENT') ?? 0) + 1);
          continue;
        }
        if (Object.values(member.identifiers).some(isMatchedKey)) matchedCount += 1;
        for (const list of lists) {
          if (kind === 'INGEST') list.members.add(member.identifiers);
          else list.members.remove(member.identifiers);
        }
      }
    }
    const stored = state.recordRequest({
      kind,
      destinations: destinations.map((destination) => destination.raw),
      recordCount: members.length,
      userIdentifierCount: members.reduce((sum, member) => sum + member.identifierCount, 0),
      matchedCount,
      errorCounts,
      isFailed,
    });
    return { requestId: stored.requestId };
  } finally {
    for (const list of lists) list.isWriting = false;
  }
}

function statusView(state: GoogleState, stored: IngestionRequest) {
  const status = state.statusOf(stored);
  const isDone = status !== 'PROCESSING';
  const accepted = stored.recordCount - [...stored.errorCounts.values()].reduce((sum, count) => sum + count, 0);
  const counts = { recordCount: String(stored.recordCount), userIdentifierCount: String(stored.userIdentifierCount) };
  return {
    requestStatusPerDestination: stored.destinations.map((destination) => ({
      destination,
      requestStatus: status,
      ...(isDone && stored.isFailed ? { errorInfo: { errorCounts: [{ recordCount: String(stored.recordCount), reason: 'PROCESSING_ERROR_REASON_INTERNAL_ERROR' }] } } : {}),
      ...(isDone && stored.errorCounts.size > 0 ? { errorInfo: { errorCounts: [...stored.errorCounts].map(([reason, count]) => ({ recordCount: String(count), reason })) } } : {}),
      ...(stored.kind === 'INGEST'
        ? { audienceMembersIngestionStatus: { userDataIngestionStatus: { ...counts, uploadMatchRateRange: isDone ? matchRateRange(stored.matchedCount, accepted) : 'MATCH_RATE_RANGE_UNKNOWN' } } }
        : { audienceMembersRemovalStatus: { userDataRemovalStatus: counts } }),
    })),
  };
}

export function registerIngestRoutes(scope: FastifyInstance, state: GoogleState): void {
  scope.post('/audienceMembers::ingest', async (request, reply) => write(state, request, reply, 'INGEST'));
  scope.post('/audienceMembers::remove', async (request, reply) => write(state, request, reply, 'REMOVE'));
  scope.get<{ Querystring: { requestId?: string } }>('/requestStatus::retrieve', async (request, reply) => {
    const stored = request.query.requestId ? state.requests.get(request.query.requestId) : undefined;
    if (!stored) return sendGoogleError(reply, badRequest([{ field: 'request_id', description: `Unknown request ID ${JSON.stringify(request.query.requestId ?? '')}.`, reason: 'INVALID_REQUEST_ID' }]));
    return statusView(state, stored);
  });
}
